-- The pricing job follows Counterpoint's price change feed (IM_PRC, IM_ITEM): its watermark is the
-- item position (changed_at, item_no) plus what its prices account for of the promotional rules,
-- which name no item: their newest change and row count when last read in full (a changed, added or
-- deleted rule re-prices every mapped item), and the time up to which promotion dates were applied
-- (a promotion that began or ended since re-prices every mapped item too).
ALTER TABLE sync_watermarks
    ADD COLUMN rules_changed_at timestamp,
    ADD COLUMN rules_rows       integer,
    ADD COLUMN priced_at        timestamp;
