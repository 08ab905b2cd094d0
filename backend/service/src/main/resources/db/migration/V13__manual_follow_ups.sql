-- A person's "sync now" or retry that finds the job busy follows the busy run too.
ALTER TABLE sync_follow_ups DROP CONSTRAINT sync_follow_ups_run_trigger_check;
ALTER TABLE sync_follow_ups ADD CONSTRAINT sync_follow_ups_run_trigger_check
    CHECK (run_trigger IN ('CHANGE', 'MANUAL', 'FULL_RESYNC', 'RECONCILE', 'PREVIEW'));
