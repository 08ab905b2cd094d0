import type { CatalogSettings, CounterpointSetup, JobSetting, Store, SyncRun } from "../api/types";
import { acme } from "../bridge/testData";
import { mockFetch, publicConfig, type Handler } from "../test/mockFetch";

export const SITE = "s-1";
export const STORE_BASE = `/api/tenants/t-1/stores/${SITE}`;

export function store(overrides: Partial<Store> = {}): Store {
  return {
    id: SITE,
    name: "Main web shop",
    url: "https://shop.example.com",
    status: "ACTIVE",
    statusReason: null,
    hasCredentials: true,
    keyPermissions: "read_write",
    createdAt: "2025-03-01T10:00:00Z",
    linkedAt: "2025-03-01T10:05:00Z",
    homeUrl: "https://shop.example.com",
    addressNotice: null,
    ...overrides,
  };
}

export function run(overrides: Partial<SyncRun> = {}): SyncRun {
  return {
    id: "r-1",
    jobType: "PRODUCTS",
    status: "SUCCEEDED",
    statusReason: null,
    startedAt: "2025-03-02T10:00:00Z",
    finishedAt: "2025-03-02T10:01:05Z",
    itemsRead: 12,
    itemsCreated: 2,
    itemsUpdated: 3,
    itemsUnchanged: 7,
    itemsFailed: 0,
    runTrigger: "SCHEDULE",
    ...overrides,
  };
}

export function job(jobType: JobSetting["jobType"], overrides: Partial<JobSetting> = {}): JobSetting {
  return { jobType, enabled: true, intervalSeconds: 300, lastRun: null, ...overrides };
}

export const allJobs = (): JobSetting[] => [
  job("PRODUCTS", { lastRun: run() }),
  job("INVENTORY", { intervalSeconds: 60 }),
  job("PRICING", { enabled: false }),
  job("ORDERS", { intervalSeconds: 30 }),
];

/** What GET …/sync-settings answers before anything was saved. */
export function catalogSettings(overrides: Partial<CatalogSettings> = {}): CatalogSettings {
  return {
    locations: [],
    regularPriceLevel: "REG_PRC",
    saleSource: "NONE",
    salePriceLevel: null,
    safetyBuffer: 0,
    newProductsAsDraft: true,
    configured: false,
    ownership: { name: "SET_ONCE", descriptions: "SET_ONCE", categories: "SET_ONCE" },
    ...overrides,
  };
}

export const counterpointSetup = (): CounterpointSetup => ({
  stores: [{ storeId: "1", description: "Main street", stockLocationId: "MAIN" }],
  stations: [],
  drawers: [],
  locations: [
    { code: "MAIN", description: "Main street store" },
    { code: "WH1", description: "Warehouse" },
  ],
  payCodes: [],
  taxCodes: [],
});

type Route = Handler | Response | object;

/** Tenant t-1 (as `role`, signed in as user-1) with one store and its sub-resources; `extra` overrides. */
export function storeBackend({ role = "owner", extra = {} }: { role?: string; extra?: Record<string, Route> } = {}) {
  return mockFetch({
    "GET /api/public/config": publicConfig,
    "GET /api/me": {
      subject: "user-1",
      email: "ada@example.com",
      name: "Ada Lovelace",
      roles: [],
      memberships: [{ tenantId: "t-1", tenantName: "Acme Outfitters", role }],
    },
    "GET /api/tenants/t-1": { ...acme, role },
    "GET /api/tenants/t-1/members": [],
    "GET /api/tenants/t-1/bridges": [],
    "GET /api/tenants/t-1/stores": [store()],
    [`GET ${STORE_BASE}`]: store(),
    [`GET ${STORE_BASE}/jobs`]: allJobs(),
    [`GET ${STORE_BASE}/runs`]: [run()],
    [`GET ${STORE_BASE}/sync-settings`]: catalogSettings(),
    [`GET ${STORE_BASE}/order-settings`]: {
      sendStatus: "completed", documentType: "T", storeId: "1", stationId: "1", drawerId: "1",
      defaultPayCode: "CASH", payCodes: {}, taxCode: "TX", lookbackMinutes: 10,
        shippingMiscCharge: null, feeMiscCharge: 2, referencePrefix: "W1-",
    },
    "GET /api/tenants/t-1/counterpoint/setup": counterpointSetup(),
    [`GET ${STORE_BASE}/webhooks`]: [{ topic: "order.created", wooWebhookId: 11, status: "active" }],
    ...extra,
  });
}
