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
  /** Live support sessions of a signed-in Counterlink staff member (empty or missing for everyone else). */
  supportSessions?: SupportSession[];
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
  /** False while the bridge reports that Counterpoint's database does not answer it (meaningful while online). */
  counterpointReachable: boolean;
  counterpointUnreachableSince: string | null;
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

export type StoreStatus = "PENDING" | "ACTIVE" | "PAUSED" | "DISCONNECTED" | "REMOVED" | (string & {});

/** A WooCommerce store as GET /api/tenants/{id}/stores lists it. */
export interface Store {
  id: string;
  name: string;
  url: string;
  status: StoreStatus;
  statusReason: string | null;
  hasCredentials: boolean;
  keyPermissions: string | null;
  createdAt: string;
  linkedAt: string | null;
  /** What WooCommerce calls the site (WordPress's home_url), once Counterlink has read it. */
  homeUrl: string | null;
  /** "WooCommerce calls this site …, not …" when `homeUrl` is not the address entered (`url`). */
  addressNotice: string | null;
}

/** Switches a store to the address WooCommerce calls it by (only its `homeUrl`). */
export interface StoreAddressRequest {
  url: string;
}

export interface LinkStoreRequest {
  url: string;
  name: string;
}

/** The pending store and WooCommerce's approval page to send the owner to. */
export interface LinkStoreResponse {
  store: Store;
  authorizeUrl: string;
}

export interface StoreCredentialsRequest {
  consumerKey: string;
  consumerSecret: string;
}

export type CheckStatus = "PASS" | "WARN" | "FAIL";

/** One line of "Test connection". */
export interface ConnectionCheck {
  check: string;
  status: CheckStatus;
  detail: string;
  fix: string | null;
}

export interface Webhook {
  topic: string;
  wooWebhookId: number;
  status: string;
}

export type JobType = "PRODUCTS" | "INVENTORY" | "PRICING" | "ORDERS";
export const JOB_TYPES: JobType[] = ["PRODUCTS", "INVENTORY", "PRICING", "ORDERS"];

export type RunStatus =
  | "RUNNING"
  | "SUCCEEDED"
  | "PARTIAL"
  | "FAILED"
  | "WAITING_FOR_BRIDGE"
  | "WAITING_FOR_COUNTERPOINT"
  | (string & {});

export interface SyncRun {
  id: string;
  jobType?: JobType;
  status: RunStatus;
  statusReason: string | null;
  startedAt: string;
  finishedAt: string | null;
  itemsRead: number;
  itemsCreated: number;
  itemsUpdated: number;
  itemsUnchanged: number;
  itemsFailed: number;
  runTrigger: string;
}

export interface JobSetting {
  jobType: JobType;
  enabled: boolean;
  intervalSeconds: number;
  lastRun: SyncRun | null;
}

export interface UpdateJobRequest {
  enabled: boolean;
  intervalSeconds: number;
}

export type ItemOutcome = "CREATED" | "UPDATED" | "UNCHANGED" | "ADOPTED" | "FAILED" | "SKIPPED" | (string & {});

export interface SyncRunItem {
  /** Set by the API; needed to retry a failed item. */
  id?: number;
  itemKey: string;
  outcome: ItemOutcome;
  errorCode: string | null;
  reason: string | null;
  actionHint: string | null;
}

export interface SyncRunDetail {
  run: SyncRun;
  items: SyncRunItem[];
}

export type InvitationRole = "member" | "owner";

export interface Invitation {
  id: string;
  email: string;
  role: InvitationRole | (string & {});
  status: string;
  createdAt: string;
  expiresAt: string;
  /** Only in the answer that created the invitation. */
  acceptUrl: string | null;
}

export interface InviteRequest {
  email: string;
  role: InvitationRole;
}

/**
 * A support session: Counterlink staff acting in a company, read-only, with a reason, for a limited time.
 * While `elevatedUntil` is ahead it may also do the few support writes (retry or resolve an order, run a job,
 * repair webhooks, retry an item, test the connection), for `elevatedReason`.
 */
export interface SupportSession {
  id: string;
  tenantId: string;
  staffSubject: string;
  staffEmail: string | null;
  reason: string;
  startedAt: string;
  expiresAt: string;
  endedAt: string | null;
  elevatedReason?: string | null;
  elevatedAt?: string | null;
  elevatedUntil?: string | null;
  /** Who ended it: the staff member's subject, or an owner of the company's. */
  endedBy?: string | null;
}

/** A company as the support console's directory lists it. */
export type TenantDirectoryEntry = Tenant;

export interface StartSupportSessionRequest {
  reason: string;
  minutes: number;
}

export interface ElevateSupportSessionRequest {
  reason: string;
  minutes: number;
}

/** One entry of a company's audit trail. `onBehalfOf` is set when Counterlink support did it. */
export interface AuditEvent {
  id: string;
  occurredAt: string;
  actorSubject: string;
  actorEmail: string | null;
  onBehalfOf: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  detail: Record<string, unknown> | null;
}

/** A code and its description, as Counterpoint's setup lists locations, pay codes and tax codes. */
export interface CounterpointCode {
  code: string;
  description: string;
}

/** What a store's settings choose from, read live from Counterpoint through the bridge. */
export interface CounterpointSetup {
  stores: { storeId: string; description: string; stockLocationId: string }[];
  stations: { storeId: string; stationId: string; description: string }[];
  drawers: { storeId: string; drawerId: string }[];
  locations: CounterpointCode[];
  payCodes: CounterpointCode[];
  taxCodes: CounterpointCode[];
}

export type PriceLevel = "REG_PRC" | "PRC_1" | "PRC_2" | "PRC_3";
export const PRICE_LEVELS: PriceLevel[] = ["REG_PRC", "PRC_1", "PRC_2", "PRC_3"];
export type SaleSource = "NONE" | "PRICE_LEVEL" | "PROMOTIONS";
/** SET_ONCE: written when the product is created, then the merchant's; ALWAYS: kept equal to Counterpoint. */
export type Ownership = "SET_ONCE" | "ALWAYS";

export interface FieldOwnership {
  name: Ownership;
  descriptions: Ownership;
  categories: Ownership;
}

/** A store's catalog settings; GET answers the defaults before anything was saved. */
export interface CatalogSettings {
  locations: string[];
  regularPriceLevel: PriceLevel;
  saleSource: SaleSource;
  salePriceLevel: PriceLevel | null;
  safetyBuffer: number;
  newProductsAsDraft: boolean;
  ownership: FieldOwnership;
  /** False until the store's catalog settings were first saved (GET answers the defaults then). */
  configured?: boolean;
}

/** A store's order settings (`…/stores/{s}/order-settings`); GET answers the defaults before anything was saved. */
export interface OrderSettings {
  /** The WooCommerce status that sends an order to Counterpoint. */
  sendStatus: "pending" | "processing" | "on-hold" | "completed" | (string & {});
  /** T: a ticket; O: an open order. */
  documentType: "T" | "O";
  storeId: string;
  stationId: string;
  drawerId: string;
  defaultPayCode: string;
  /** WooCommerce payment method id → Counterpoint pay code. */
  payCodes: Record<string, string>;
  taxCode: string;
  lookbackMinutes: number;
  /**
   * Put before the WooCommerce order number in Counterpoint's reference (PS_DOC_HDR.REF, 20 characters): 1 to 6
   * letters, digits, - _ / or ., unique among the company's stores. The server answers the store's default ("W1-",
   * "W2-"…) until one is saved; a save without it keeps that default.
   */
  referencePrefix?: string | null;
  /** Counterpoint misc charge 1–5 for shipping; null: Counterpoint's e-commerce misc charge (EC_CTL.ORD_MISC_CHRG_NO). */
  shippingMiscCharge: number | null;
  /**
   * Counterpoint misc charge 1–5 for fees; must differ from shippingMiscCharge. Shipping and fees are taxable as
   * WooCommerce charged them, order by order (there is no setting for it).
   */
  feeMiscCharge: number;
}

export type OnboardingStep = "BRIDGE" | "STORES" | "SETTINGS" | "PREVIEW" | "START" | "DONE";

/** Where a company stands in its setup, derived by the server from what is saved. */
export interface OnboardingStatus {
  step: OnboardingStep;
  /** The store the step is about (settings, preview, start). */
  siteId: string | null;
  bridge: "NONE" | "NEVER_CONNECTED" | "OFFLINE" | "COUNTERPOINT_UNREACHABLE" | "ONLINE";
  stores: {
    id: string;
    name: string;
    status: StoreStatus;
    stage: OnboardingStep;
    catalogSettings: "NOT_SAVED" | "SAVED";
    orderSettings: "NOT_SAVED" | "SAVED";
    preview: "NONE" | "RUNNING" | "FINISHED";
  }[];
}

/* ---- Dashboard (GET /api/tenants/{t}/dashboard) ---- */

/** A running sync's counts so far; `total` once the job knows how many items it goes through. */
export interface RunProgress {
  runId: string;
  runTrigger: string;
  startedAt: string;
  processed: number;
  total: number | null;
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

export interface DashboardJob {
  jobType: JobType;
  enabled: boolean;
  intervalSeconds: number;
  /** Null when the job is not on a schedule. */
  nextRunAt: string | null;
  lastRun: SyncRun | null;
  progress: RunProgress | null;
}

export interface DashboardStore {
  id: string;
  name: string;
  url: string;
  status: StoreStatus;
  statusReason: string | null;
  jobs: DashboardJob[];
}

export interface DayTotals {
  day: string;
  itemsSynced: number;
  itemsFailed: number;
  ordersReceived: number;
}

export type AttentionKind =
  | "NO_BRIDGE"
  | "BRIDGE_OFFLINE"
  | "COUNTERPOINT_UNREACHABLE"
  | "STORE_DISCONNECTED"
  | "STORE_PENDING"
  | "ORDERS_NEED_ATTENTION"
  | "ORDERS_FLAGGED"
  | "RUN_FAILED"
  | "FAILED_ITEMS"
  | (string & {});

/** Something that needs the retailer: what, why, and what to do. */
export interface Attention {
  kind: AttentionKind;
  severity: "CRITICAL" | "WARNING" | (string & {});
  title: string;
  detail: string;
  action: string;
  siteId: string | null;
  jobType: JobType | null;
  runId: string | null;
  count: number;
}

export interface Dashboard {
  generatedAt: string;
  timeZone: string;
  bridges: Bridge[];
  stores: DashboardStore[];
  days: DayTotals[];
  orders: { needsAttention: number; flagged: number; waiting: number; written: number };
  attention: Attention[];
}

/** A failed item and what became of it in the newest later run of the same job. */
export interface ItemFollowUp {
  item: SyncRunItem;
  jobType: JobType;
  since: {
    runId: string;
    status: RunStatus;
    startedAt: string;
    finishedAt: string | null;
    /** Null in a finished run: the item needed nothing more. */
    outcome: ItemOutcome | null;
    errorCode: string | null;
    reason: string | null;
    actionHint: string | null;
  } | null;
}

/* ---- Orders, customers, allocations (docs/orders.md) ---- */

export type OrderState =
  | "RECEIVED"
  | "ALLOCATED"
  | "READY"
  | "WRITTEN"
  | "POSTED"
  | "RELEASED"
  | "NEEDS_ATTENTION"
  | "CANCELLED"
  | (string & {});

export const ORDER_STATES: OrderState[] = ["RECEIVED", "ALLOCATED", "READY", "WRITTEN", "POSTED", "RELEASED", "NEEDS_ATTENTION", "CANCELLED"];

export interface OrderSummary {
  id: string;
  siteId: string;
  wooOrderId: number;
  wooNumber: string;
  wooStatus: string;
  state: OrderState;
  reason: string | null;
  /** Set when WooCommerce cancelled or refunded it after it was written. */
  flag: string | null;
  total: number | string;
  customerEmail: string | null;
  custNo: string | null;
  cpDocId: number | null;
  cpTicketNo: string | null;
  /** PS_DOC_HDR.REF as written: the store's reference prefix and the order number; null before it is written. */
  cpReference: string | null;
  receivedAt: string;
  updatedAt: string;
}

export interface OrderLine {
  lineNo: number;
  name: string | null;
  sku: string | null;
  itemNo: string | null;
  cell: string | null;
  qty: number | string;
  subtotal: number | string;
  discount: number | string;
  total: number | string;
  tax: number | string;
}

export interface OrderTransition {
  from: OrderState | null;
  to: OrderState;
  reason: string;
  at: string;
}

export interface OrderAllocation {
  itemNo: string;
  cell: string;
  qty: number | string;
  createdAt: string;
  releasedAt: string | null;
  releaseReason: string | null;
}

export interface OrderDetail {
  order: OrderSummary;
  orderKey: string;
  documentType: string | null;
  paymentMethod: string | null;
  currency: string | null;
  totalTax: number | string;
  shippingTotal: number | string;
  feeTotal: number | string;
  discountTotal: number | string;
  lines: OrderLine[];
  transitions: OrderTransition[];
  allocations: OrderAllocation[];
}

export interface CustomerIdentity {
  id: string;
  siteId: string | null;
  identityKey: string;
  email: string | null;
  wooCustomerId: number;
  custNo: string;
  linkedHow: "EMAIL_MATCH" | "CREATED" | "MANUAL" | (string & {});
  linkedAt: string;
  linkedBy: string | null;
}

/** The web customer as their latest order's billing address shows them (`GET …/customers/{id}/matches`). */
export interface WebCustomer {
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  zip: string | null;
  address1: string | null;
}

/** A Counterpoint customer that may be the web customer: how likely (0–100) and why. */
export interface CustomerMatch {
  custNo: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  address1: string | null;
  city: string | null;
  zip: string | null;
  percent: number;
  reasons: string[];
  /** The Counterpoint customer the web customer is linked to now. */
  linked: boolean;
}

export interface CustomerMatches {
  identityId: string;
  linkedCustNo: string;
  webCustomer: WebCustomer;
  matches: CustomerMatch[];
}

/** Open allocations of one item (and grid cell); newer backends add more fields, shown as they come. */
/** One store's view of an item (`GET …/allocations`). */
export interface StoreStock {
  siteId: string;
  storeName: string;
  locations: string[];
  /** READ, or why Counterpoint's figure is missing: BRIDGE_OFFLINE, NOT_READ, NO_LOCATIONS. */
  counterpoint: string;
  counterpointAvailable: number | string | null;
  safetyBuffer: number;
  /** available − held by web orders − buffer, whole units, at least 0. */
  webQuantity: number | null;
  /** What WooCommerce last accepted from us; null if never sent. */
  lastSentQty: number | null;
  /** False when the store does not sell the item. */
  sells: boolean;
}

/** Per item and grid cell: what open web orders hold and what each store gets. */
export interface ItemAllocation {
  itemNo: string;
  cell: string;
  allocated: number | string;
  /** False while allocation is switched off: the held quantity is not subtracted. */
  counted: boolean;
  openOrders: number;
  stores: StoreStock[];
}

export interface AllocationSettings {
  enabled: boolean;
}
