export type TenantRole = "owner" | "admin" | "member" | (string & {});

export interface Membership {
  tenantId: string;
  tenantName: string;
  role: TenantRole;
}

export interface Me {
  subject: string;
  email?: string;
  name?: string;
  roles: string[];
  memberships: Membership[];
}

export interface Tenant {
  id: string;
  name: string;
  slug: string;
  status: string;
  createdAt: string;
}

export interface TenantWithRole extends Tenant {
  role: TenantRole;
}

export interface Member {
  subject: string;
  email?: string;
  name?: string;
  role: TenantRole;
  joinedAt: string;
}

export interface CreateTenantRequest {
  name: string;
}

export type BridgeStatus = "ENROLLED" | "REVOKED" | (string & {});

/** A bridge as GET /api/tenants/{id}/bridges lists it. */
export interface Bridge {
  id: string;
  name: string;
  status: BridgeStatus;
  online: boolean;
  lastSeenAt: string | null;
  version: string | null;
  latencyMs: number | null;
  createdAt: string;
  revokedAt: string | null;
}

/** A one-time enrollment token, shown once to an owner. */
export interface EnrollmentToken {
  token: string;
  expiresAt: string;
  enrollCommand?: string | null;
}

export interface PublicConfig {
  issuer: string;
  clientId: string;
  audience?: string;
  registrationUrl?: string;
}
