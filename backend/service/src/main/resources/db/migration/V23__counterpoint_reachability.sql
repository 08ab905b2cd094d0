-- Counterpoint's database not answering the bridge is a state of its own, not a failure (docs/dashboard.md):
-- the bridge's heartbeat says since when; runs that need Counterpoint wait for it.
ALTER TABLE bridges ADD COLUMN counterpoint_unreachable_since timestamptz;

ALTER TABLE sync_runs ALTER COLUMN status TYPE varchar(30);
ALTER TABLE sync_runs DROP CONSTRAINT sync_runs_status_check;
ALTER TABLE sync_runs ADD CONSTRAINT sync_runs_status_check
    CHECK (status IN ('RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED', 'WAITING_FOR_BRIDGE', 'WAITING_FOR_COUNTERPOINT'));
