-- Our support staff acting as a tenant: a reason is required, the session is time-limited, and the
-- tenant sees every session in its own records.
CREATE TABLE support_sessions (
    id             uuid PRIMARY KEY,
    tenant_id      uuid         NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    staff_subject  varchar(255) NOT NULL,
    staff_email    varchar(320),
    reason         text         NOT NULL CHECK (length(reason) >= 10),
    started_at     timestamptz  NOT NULL DEFAULT now(),
    expires_at     timestamptz  NOT NULL,
    ended_at       timestamptz
);
CREATE INDEX support_sessions_tenant_idx ON support_sessions (tenant_id, staff_subject, expires_at);

ALTER TABLE support_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE support_sessions FORCE ROW LEVEL SECURITY;
CREATE POLICY support_sessions_isolation ON support_sessions
    USING (tenant_id = app_current_tenant())
    WITH CHECK (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, UPDATE ON support_sessions TO ${approle};

-- Staff find a tenant by name before any session exists: a read-only directory of tenants, open only
-- in transactions the application marks as vendor staff after checking the person's realm role.
CREATE FUNCTION app_vendor_staff() RETURNS boolean
    LANGUAGE sql STABLE AS
$$ SELECT coalesce(current_setting('app.vendor_staff', true), '') = 'on' $$;
GRANT EXECUTE ON FUNCTION app_vendor_staff() TO ${approle};

CREATE POLICY tenants_staff_directory ON tenants FOR SELECT USING (app_vendor_staff());

-- A staff member sees their own sessions across tenants (to show the "acting as" banner).
CREATE POLICY support_sessions_own_staff ON support_sessions FOR SELECT
    USING (app_vendor_staff() AND staff_subject = app_current_subject());
