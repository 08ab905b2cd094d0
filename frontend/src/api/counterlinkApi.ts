import type { HttpClient } from "./http";
import type {
  AllocationSettings,
  AuditEvent,
  Bridge,
  CatalogSettings,
  ConnectionCheck,
  CounterpointSetup,
  CreateTenantRequest,
  CustomerIdentity,
  CustomerMatches,
  Dashboard,
  ElevateSupportSessionRequest,
  ItemAllocation,
  ItemFollowUp,
  OrderDetail,
  OrderState,
  OrderSummary,
  EnrollmentToken,
  Invitation,
  InviteRequest,
  JobSetting,
  JobType,
  LinkStoreRequest,
  LinkStoreResponse,
  Me,
  Member,
  OnboardingStatus,
  OrderSettings,
  Store,
  StoreAddressRequest,
  StartSupportSessionRequest,
  StoreCredentialsRequest,
  SupportSession,
  SyncRun,
  SyncRunDetail,
  Tenant,
  TenantDirectoryEntry,
  TenantRole,
  TenantWithRole,
  UpdateJobRequest,
  Webhook,
} from "./types";

type Opts = { signal?: AbortSignal };

const enc = encodeURIComponent;
const tenantPath = (tenantId: string) => `/api/tenants/${enc(tenantId)}`;
const storePath = (tenantId: string, siteId: string) => `${tenantPath(tenantId)}/stores/${enc(siteId)}`;

/** Typed endpoints of the Counterlink API. Add new endpoints here, grouped by resource. */
export function createCounterlinkApi(http: HttpClient) {
  return {
    http,
    me: {
      get: (o?: Opts) => http.get<Me>("/api/me", o),
    },
    tenants: {
      create: (body: CreateTenantRequest, o?: Opts) => http.post<Tenant>("/api/tenants", body, o),
      get: (tenantId: string, o?: Opts) => http.get<TenantWithRole>(tenantPath(tenantId), o),
      members: (tenantId: string, o?: Opts) => http.get<Member[]>(`${tenantPath(tenantId)}/members`, o),
    },
    members: {
      list: (tenantId: string, o?: Opts) => http.get<Member[]>(`${tenantPath(tenantId)}/members`, o),
      /** Owner only. 409 when it would leave the company without an owner. */
      changeRole: (tenantId: string, subject: string, role: TenantRole, o?: Opts) =>
        http.put<Member>(`${tenantPath(tenantId)}/members/${enc(subject)}`, { role }, o),
      /** Owner, or anyone for their own subject (leave). 409 for the last owner. */
      remove: (tenantId: string, subject: string, o?: Opts) =>
        http.delete(`${tenantPath(tenantId)}/members/${enc(subject)}`, o),
    },
    invitations: {
      list: (tenantId: string, o?: Opts) => http.get<Invitation[]>(`${tenantPath(tenantId)}/invitations`, o),
      /** Owner only; the answer carries the one-time acceptUrl. 409 if already a member. */
      create: (tenantId: string, body: InviteRequest, o?: Opts) =>
        http.post<Invitation>(`${tenantPath(tenantId)}/invitations`, body, o),
      revoke: (tenantId: string, invitationId: string, o?: Opts) =>
        http.delete(`${tenantPath(tenantId)}/invitations/${enc(invitationId)}`, o),
      /** The signed-in person joins the company the token invites them to. */
      accept: (token: string, o?: Opts) => http.post<TenantWithRole>("/api/invitations/accept", { token }, o),
    },
    bridges: {
      list: (tenantId: string, o?: Opts) => http.get<Bridge[]>(`${tenantPath(tenantId)}/bridges`, o),
      /** Owner only (403 otherwise). */
      issueToken: (tenantId: string, o?: Opts) =>
        http.post<EnrollmentToken>(`${tenantPath(tenantId)}/bridges/enrollment-tokens`, {}, o),
      /** Owner only. Returns the updated bridge. */
      revoke: (tenantId: string, bridgeId: string, o?: Opts) =>
        http.post<Bridge>(`${tenantPath(tenantId)}/bridges/${enc(bridgeId)}/revoke`, {}, o),
    },
    stores: {
      list: (tenantId: string, o?: Opts) => http.get<Store[]>(`${tenantPath(tenantId)}/stores`, o),
      get: (tenantId: string, siteId: string, o?: Opts) => http.get<Store>(storePath(tenantId, siteId), o),
      /** Owner only: a pending store and WooCommerce's approval page. */
      link: (tenantId: string, body: LinkStoreRequest, o?: Opts) =>
        http.post<LinkStoreResponse>(`${tenantPath(tenantId)}/stores`, body, o),
      /** Owner only. History is kept; the store stops syncing. */
      remove: (tenantId: string, siteId: string, o?: Opts) => http.delete(storePath(tenantId, siteId), o),
      setCredentials: (tenantId: string, siteId: string, body: StoreCredentialsRequest, o?: Opts) =>
        http.put<Store>(`${storePath(tenantId, siteId)}/credentials`, body, o),
      /** Owner only: the store's address becomes its `homeUrl` (400 for any other address). */
      useAddress: (tenantId: string, siteId: string, body: StoreAddressRequest, o?: Opts) =>
        http.put<Store>(`${storePath(tenantId, siteId)}/url`, body, o),
      testConnection: (tenantId: string, siteId: string, o?: Opts) =>
        http.post<ConnectionCheck[]>(`${storePath(tenantId, siteId)}/test-connection`, {}, o),
      webhooks: (tenantId: string, siteId: string, o?: Opts) =>
        http.get<Webhook[]>(`${storePath(tenantId, siteId)}/webhooks`, o),
      registerWebhooks: (tenantId: string, siteId: string, o?: Opts) =>
        http.post<Webhook[]>(`${storePath(tenantId, siteId)}/webhooks`, {}, o),
      repairWebhooks: (tenantId: string, siteId: string, o?: Opts) =>
        http.post<Webhook[]>(`${storePath(tenantId, siteId)}/webhooks/repair`, {}, o),
    },
    support: {
      /** Staff only (403 otherwise), with a reason that is recorded (400 `reason`): up to 50 companies whose name contains `q`. */
      searchTenants: (q: string, reason: string, o?: Opts) =>
        http.get<TenantDirectoryEntry[]>(`/api/support/tenants?q=${enc(q)}&reason=${enc(reason)}`, o),
      /** Staff only. 400 with field errors for `reason` (10–500 chars) / `minutes` (5–120); 404 unknown company. */
      startSession: (tenantId: string, body: StartSupportSessionRequest, o?: Opts) =>
        http.post<SupportSession>(`/api/support/tenants/${enc(tenantId)}/sessions`, body, o),
      endSession: (tenantId: string, sessionId: string, o?: Opts) =>
        http.post<void>(`/api/support/tenants/${enc(tenantId)}/sessions/${enc(sessionId)}/end`, {}, o),
      /** Staff, own live session: opens the support writes for a while (400 `reason` 10–500 / `minutes` 5–60; 409 over). */
      elevate: (tenantId: string, sessionId: string, body: ElevateSupportSessionRequest, o?: Opts) =>
        http.post<SupportSession>(`/api/support/tenants/${enc(tenantId)}/sessions/${enc(sessionId)}/elevation`, body, o),
      /** Staff: back to read-only. */
      lower: (tenantId: string, sessionId: string, o?: Opts) =>
        http.delete<SupportSession>(`/api/support/tenants/${enc(tenantId)}/sessions/${enc(sessionId)}/elevation`, o),
      /** Any member: the support sessions on their company. */
      sessionsOfTenant: (tenantId: string, o?: Opts) =>
        http.get<SupportSession[]>(`${tenantPath(tenantId)}/support-sessions`, o),
      /** Owners of the company: ends a live support session at once (409 when it is already over). */
      endForCompany: (tenantId: string, sessionId: string, o?: Opts) =>
        http.post<SupportSession>(`${tenantPath(tenantId)}/support-sessions/${enc(sessionId)}/end`, {}, o),
    },
    audit: {
      /** Any member: the latest entries of the company's audit trail, newest first. */
      list: (tenantId: string, o?: Opts) => http.get<AuditEvent[]>(`${tenantPath(tenantId)}/audit`, o),
    },
    counterpoint: {
      /** Live from Counterpoint through the bridge: 503 BRIDGE_OFFLINE, 502 COUNTERPOINT_ERROR. */
      setup: (tenantId: string, o?: Opts) => http.get<CounterpointSetup>(`${tenantPath(tenantId)}/counterpoint/setup`, o),
    },
    catalog: {
      /** Any member; the defaults before anything was saved. */
      settings: (tenantId: string, siteId: string, o?: Opts) =>
        http.get<CatalogSettings>(`${storePath(tenantId, siteId)}/sync-settings`, o),
      /** Owner only; 400 with field errors. Saving schedules the products, inventory and pricing jobs. */
      saveSettings: (tenantId: string, siteId: string, body: CatalogSettings, o?: Opts) =>
        http.put<CatalogSettings>(`${storePath(tenantId, siteId)}/sync-settings`, body, o),
      /** 202: a PREVIEW products run starts in the background; it writes nothing. */
      preview: (tenantId: string, siteId: string, o?: Opts) =>
        http.post<void>(`${storePath(tenantId, siteId)}/sync-preview`, {}, o),
    },
    orderSettings: {
      /** Any member; the defaults before anything was saved. */
      get: (tenantId: string, siteId: string, o?: Opts) =>
        http.get<OrderSettings>(`${storePath(tenantId, siteId)}/order-settings`, o),
      /** Owner only; 400 VALIDATION_FAILED with a message. Saving puts the orders job on its interval. */
      save: (tenantId: string, siteId: string, body: OrderSettings, o?: Opts) =>
        http.put<OrderSettings>(`${storePath(tenantId, siteId)}/order-settings`, body, o),
    },
    onboarding: {
      /** Any member: the first unfinished setup step. */
      status: (tenantId: string, o?: Opts) => http.get<OnboardingStatus>(`${tenantPath(tenantId)}/onboarding`, o),
    },
    sync: {
      jobs: (tenantId: string, siteId: string, o?: Opts) => http.get<JobSetting[]>(`${storePath(tenantId, siteId)}/jobs`, o),
      updateJob: (tenantId: string, siteId: string, jobType: JobType, body: UpdateJobRequest, o?: Opts) =>
        http.put<JobSetting>(`${storePath(tenantId, siteId)}/jobs/${enc(jobType)}`, body, o),
      /** 202: the run starts in the background. */
      runNow: (tenantId: string, siteId: string, jobType: JobType, full = false, o?: Opts) =>
        http.post<void>(`${storePath(tenantId, siteId)}/jobs/${enc(jobType)}/runs`, full ? { full: true } : {}, o),
      runs: (tenantId: string, siteId: string, jobType?: JobType, o?: Opts) =>
        http.get<SyncRun[]>(`${storePath(tenantId, siteId)}/runs${jobType ? `?jobType=${enc(jobType)}` : ""}`, o),
      run: (tenantId: string, siteId: string, runId: string, o?: Opts) =>
        http.get<SyncRunDetail>(`${storePath(tenantId, siteId)}/runs/${enc(runId)}`, o),
      /** A run's item and what became of it in the newest later run of its job. */
      item: (tenantId: string, siteId: string, runId: string, itemId: number, o?: Opts) =>
        http.get<ItemFollowUp>(`${storePath(tenantId, siteId)}/runs/${enc(runId)}/items/${itemId}`, o),
      /** 202: the item's job runs at once; 409 when the item did not fail or the store is not active. */
      retryItem: (tenantId: string, siteId: string, runId: string, itemId: number, o?: Opts) =>
        http.post<ItemFollowUp>(`${storePath(tenantId, siteId)}/runs/${enc(runId)}/items/${itemId}/retry`, {}, o),
    },
    dashboard: {
      /** Any member: bridges, each store's jobs, `days` daily totals in time zone `tz`, and what needs attention. */
      get: (tenantId: string, params: { days?: number; tz?: string } = {}, o?: Opts) => {
        const q = new URLSearchParams();
        if (params.days) q.set("days", String(params.days));
        if (params.tz) q.set("tz", params.tz);
        const qs = q.toString();
        return http.get<Dashboard>(`${tenantPath(tenantId)}/dashboard${qs ? `?${qs}` : ""}`, o);
      },
    },
    orders: {
      list: (tenantId: string, params: { state?: OrderState; siteId?: string; q?: string; limit?: number } = {}, o?: Opts) => {
        const q = new URLSearchParams();
        Object.entries(params).forEach(([k, v]) => v !== undefined && v !== "" && q.set(k, String(v)));
        const qs = q.toString();
        return http.get<OrderSummary[]>(`${tenantPath(tenantId)}/orders${qs ? `?${qs}` : ""}`, o);
      },
      get: (tenantId: string, orderId: string, o?: Opts) => http.get<OrderDetail>(`${tenantPath(tenantId)}/orders/${enc(orderId)}`, o),
      /** An order that needs attention goes back to be written; 409 otherwise. */
      retry: (tenantId: string, orderId: string, o?: Opts) =>
        http.post<OrderDetail>(`${tenantPath(tenantId)}/orders/${enc(orderId)}/retry`, {}, o),
      /** Owner only: handled by a person in Counterpoint; 400 without a note (1–500 characters). */
      resolve: (tenantId: string, orderId: string, note: string, o?: Opts) =>
        http.post<OrderDetail>(`${tenantPath(tenantId)}/orders/${enc(orderId)}/resolve`, { note }, o),
    },
    customers: {
      list: (tenantId: string, email?: string, o?: Opts) =>
        http.get<CustomerIdentity[]>(`${tenantPath(tenantId)}/customers${email ? `?email=${enc(email)}` : ""}`, o),
      /** Owner only; 400 for a customer number that is not 1–15 letters, digits, _ or -. */
      relink: (tenantId: string, identityId: string, custNo: string, o?: Opts) =>
        http.put<CustomerIdentity>(`${tenantPath(tenantId)}/customers/${enc(identityId)}`, { custNo }, o),
      /** Possible Counterpoint customers, best first; 503 BRIDGE_OFFLINE while the bridge is away. */
      matches: (tenantId: string, identityId: string, o?: Opts) =>
        http.get<CustomerMatches>(`${tenantPath(tenantId)}/customers/${enc(identityId)}/matches`, o),
    },
    allocations: {
      list: (tenantId: string, itemNo?: string, o?: Opts) =>
        http.get<ItemAllocation[]>(`${tenantPath(tenantId)}/allocations${itemNo ? `?itemNo=${enc(itemNo)}` : ""}`, o),
      settings: (tenantId: string, o?: Opts) => http.get<AllocationSettings>(`${tenantPath(tenantId)}/allocations/settings`, o),
      /** Owner only. */
      updateSettings: (tenantId: string, enabled: boolean, o?: Opts) =>
        http.put<AllocationSettings>(`${tenantPath(tenantId)}/allocations/settings`, { enabled }, o),
    },
  };
}

export type CounterlinkApi = ReturnType<typeof createCounterlinkApi>;
