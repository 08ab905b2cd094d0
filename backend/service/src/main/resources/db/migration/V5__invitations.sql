-- Invitations to join a company. Only a hash of the invitation's secret is kept; the link is shown
-- to the owner once.
CREATE TABLE invitations (
    id            uuid PRIMARY KEY,
    tenant_id     uuid         NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    email         varchar(320) NOT NULL,
    role          varchar(20)  NOT NULL CHECK (role IN ('OWNER', 'MEMBER')),
    secret_hash   bytea        NOT NULL,
    invited_by    varchar(255) NOT NULL,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    expires_at    timestamptz  NOT NULL,
    status        varchar(20)  NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'ACCEPTED', 'REVOKED')),
    accepted_by   varchar(255),
    accepted_at   timestamptz
);
CREATE INDEX invitations_tenant_idx ON invitations (tenant_id, status);

ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
ALTER TABLE invitations FORCE ROW LEVEL SECURITY;
CREATE POLICY invitations_isolation ON invitations
    USING (tenant_id = app_current_tenant())
    WITH CHECK (tenant_id = app_current_tenant());

GRANT SELECT, INSERT, UPDATE ON invitations TO ${approle};
