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

export interface PublicConfig {
  issuer: string;
  clientId: string;
  audience?: string;
  registrationUrl?: string;
}
