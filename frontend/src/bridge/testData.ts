import type { Bridge } from "../api/types";
import { mockFetch, publicConfig, type Handler } from "../test/mockFetch";

export const acme = {
  id: "t-1",
  name: "Acme Outfitters",
  slug: "acme-outfitters",
  status: "ACTIVE",
  createdAt: "2025-01-15T10:00:00Z",
  role: "owner",
};

export function bridge(overrides: Partial<Bridge> = {}): Bridge {
  return {
    id: "b-1",
    name: "Store server",
    status: "ENROLLED",
    online: true,
    lastSeenAt: new Date().toISOString(),
    version: "1.0.0",
    latencyMs: 42,
    createdAt: "2025-02-01T09:00:00Z",
    revokedAt: null,
    counterpointReachable: true,
    counterpointUnreachableSince: null,
    ...overrides,
  };
}

/** The backend for tenant t-1 (role `role`) with `bridges` (a value or a handler). */
export function bridgeBackend(
  bridges: Bridge[] | Handler,
  { role = "owner", extra = {} }: { role?: string; extra?: Record<string, Handler | Response | object> } = {},
) {
  return mockFetch({
    "GET /api/public/config": publicConfig,
    "GET /api/me": {
      subject: "user-1",
      email: "ada@example.com",
      roles: [],
      memberships: [{ tenantId: "t-1", tenantName: "Acme Outfitters", role }],
    },
    "GET /api/tenants/t-1": { ...acme, role },
    "GET /api/tenants/t-1/members": [],
    "GET /api/tenants/t-1/bridges": bridges,
    "GET /api/tenants/t-1/stores": [],
    ...extra,
  });
}
