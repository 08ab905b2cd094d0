-- Support sessions are read-only; a second, separately reasoned and time-limited elevation lets our
-- staff do the few writes support needs (see docs/security.md). The company can end a session, and
-- the session remembers who ended it.
ALTER TABLE support_sessions
    ADD COLUMN elevated_reason text CHECK (elevated_reason IS NULL OR length(elevated_reason) >= 10),
    ADD COLUMN elevated_at     timestamptz,
    ADD COLUMN elevated_until  timestamptz,
    ADD COLUMN ended_by        varchar(255);

-- The session's reason (up to 500 characters) and its elevation's are written into every audit record
-- made meanwhile; 255 characters were too few for them.
ALTER TABLE audit_events ALTER COLUMN on_behalf_of TYPE text;

-- What our staff do outside any one tenant (searching the tenant directory): append-only for the
-- application, which may add its own rows and read none; operators read it as the owner.
CREATE TABLE staff_audit_events (
    id             bigserial PRIMARY KEY,
    occurred_at    timestamptz  NOT NULL DEFAULT now(),
    staff_subject  varchar(255) NOT NULL,
    staff_email    varchar(320),
    action         varchar(80)  NOT NULL,
    detail         jsonb        NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX staff_audit_events_staff_idx ON staff_audit_events (staff_subject, occurred_at DESC);

ALTER TABLE staff_audit_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE staff_audit_events FORCE ROW LEVEL SECURITY;
CREATE POLICY staff_audit_events_own ON staff_audit_events FOR INSERT
    WITH CHECK (app_vendor_staff() AND staff_subject = app_current_subject());
GRANT INSERT ON staff_audit_events TO ${approle};
GRANT USAGE ON SEQUENCE staff_audit_events_id_seq TO ${approle};
