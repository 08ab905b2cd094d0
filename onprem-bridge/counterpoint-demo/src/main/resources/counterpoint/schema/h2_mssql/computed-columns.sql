-- H2 needs a declared type on a computed column; SQL Server rejects one (stack-notes.md section 7).
-- NET_QTY = QTY_ON_HND - QTY_COMMIT + QTY_ON_PO is [inferred] from NCR's sample rows.
ALTER TABLE IM_INV ADD QTY_AVAIL DECIMAL(16,4) AS (QTY_ON_HND - QTY_COMMIT)
GO
ALTER TABLE IM_INV ADD NET_QTY DECIMAL(16,4) AS (QTY_ON_HND - QTY_COMMIT + QTY_ON_PO)
GO
ALTER TABLE IM_INV_CELL ADD QTY_AVAIL DECIMAL(16,4) AS (QTY_ON_HND - QTY_COMMIT)
GO
