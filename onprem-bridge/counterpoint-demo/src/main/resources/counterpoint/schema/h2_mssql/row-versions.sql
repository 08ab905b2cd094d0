-- H2 has no ROWVERSION; BINARY(8) filled by ChangeStampTrigger from a growing counter behaves the
-- same way for readers (8 bytes, larger on every write, never written by clients).
ALTER TABLE IM_ITEM ADD ROW_TS BINARY(8) NULL
GO
ALTER TABLE AR_CUST ADD ROW_TS BINARY(8) NULL
GO
