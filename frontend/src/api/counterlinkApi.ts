import type { HttpClient } from "./http";
import type { CreateTenantRequest, Me, Member, Tenant, TenantWithRole } from "./types";

type Opts = { signal?: AbortSignal };

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
  };
}

export type CounterlinkApi = ReturnType<typeof createCounterlinkApi>;
