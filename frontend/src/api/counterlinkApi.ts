import type { HttpClient } from "./http";
import type { Bridge, CreateTenantRequest, EnrollmentToken, Me, Member, Tenant, TenantWithRole } from "./types";

type Opts = { signal?: AbortSignal };

const tenantPath = (tenantId: string) => `/api/tenants/${encodeURIComponent(tenantId)}`;

/** Typed endpoints of the Counterlink API. Add new endpoints here, grouped by resource. */
export function createCounterlinkApi(http: HttpClient) {
  return {
    http,
    me: {
      get: (o?: Opts) => http.get<Me>("/api/me", o),
    },
    tenants: {
      create: (body: CreateTenantRequest, o?: Opts) => http.post<Tenant>("/api/tenants", body, o),
      get: (tenantId: string, o?: Opts) =>
        http.get<TenantWithRole>(`/api/tenants/${encodeURIComponent(tenantId)}`, o),
      members: (tenantId: string, o?: Opts) =>
        http.get<Member[]>(`/api/tenants/${encodeURIComponent(tenantId)}/members`, o),
    },
    bridges: {
      list: (tenantId: string, o?: Opts) => http.get<Bridge[]>(`${tenantPath(tenantId)}/bridges`, o),
      /** Owner only (403 otherwise). */
      issueToken: (tenantId: string, o?: Opts) =>
        http.post<EnrollmentToken>(`${tenantPath(tenantId)}/bridges/enrollment-tokens`, {}, o),
      /** Owner only. Returns the updated bridge. */
      revoke: (tenantId: string, bridgeId: string, o?: Opts) =>
        http.post<Bridge>(`${tenantPath(tenantId)}/bridges/${encodeURIComponent(bridgeId)}/revoke`, {}, o),
    },
  };
}

export type CounterlinkApi = ReturnType<typeof createCounterlinkApi>;
