-- T-SQL computed columns take no type; writing them fails with Msg 271, as in Counterpoint.
-- NET_QTY = QTY_ON_HND - QTY_COMMIT + QTY_ON_PO is [inferred] from NCR's sample rows.
ALTER TABLE IM_INV ADD QTY_AVAIL AS (QTY_ON_HND - QTY_COMMIT)
GO
ALTER TABLE IM_INV ADD NET_QTY AS (QTY_ON_HND - QTY_COMMIT + QTY_ON_PO)
GO
ALTER TABLE IM_INV_CELL ADD QTY_AVAIL AS (QTY_ON_HND - QTY_COMMIT)
GO
