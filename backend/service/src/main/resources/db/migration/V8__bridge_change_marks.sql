-- The newest Counterpoint change times each bridge reported (its change probe), to start the
-- affected sync jobs when they move instead of waiting for the interval.
ALTER TABLE bridges
    ADD COLUMN items_changed_at   timestamptz,
    ADD COLUMN stock_changed_at   timestamptz,
    ADD COLUMN prices_changed_at  timestamptz;
