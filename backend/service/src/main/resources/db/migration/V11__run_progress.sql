-- A running sync shows how far it has got: its counts are written while it runs, and the number of
-- items it will go through once the job knows it (null: not known, e.g. a product run reading page by page).
ALTER TABLE sync_runs ADD COLUMN items_total integer;
