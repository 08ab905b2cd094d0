import type { CheckStatus, JobType, RunStatus, Store, StoreStatus } from "../api/types";

const STORE_STATUS: Record<string, { label: string; tone: string }> = {
  PENDING: { label: "Waiting for approval", tone: "warn" },
  ACTIVE: { label: "Active", tone: "ok" },
  PAUSED: { label: "Paused", tone: "neutral" },
  DISCONNECTED: { label: "Disconnected", tone: "bad" },
  REMOVED: { label: "Removed", tone: "neutral" },
};

export const storeStatusLabel = (s: StoreStatus) => STORE_STATUS[s]?.label ?? s;

export function StoreStatusBadge({ status }: { status: StoreStatus }) {
  const info = STORE_STATUS[status] ?? { label: status, tone: "neutral" };
  return <span className={`status status-${info.tone}`}>{info.label}</span>;
}

export const isVisibleStore = (s: Store) => s.status !== "REMOVED";

export const JOB_LABELS: Record<JobType, string> = {
  PRODUCTS: "Products",
  INVENTORY: "Inventory",
  PRICING: "Prices",
  ORDERS: "Orders",
};

export const JOB_DESCRIPTIONS: Record<JobType, string> = {
  PRODUCTS: "Creates and updates WooCommerce products from Counterpoint items.",
  INVENTORY: "Copies Counterpoint stock levels to WooCommerce.",
  PRICING: "Copies Counterpoint prices to WooCommerce.",
  ORDERS: "Brings WooCommerce orders into Counterpoint.",
};

export const jobLabel = (t: string | undefined) => (t && t in JOB_LABELS ? JOB_LABELS[t as JobType] : (t ?? "Sync"));

const RUN_STATUS: Record<string, { label: string; tone: string }> = {
  RUNNING: { label: "Running", tone: "info" },
  SUCCEEDED: { label: "Succeeded", tone: "ok" },
  PARTIAL: { label: "Some items failed", tone: "warn" },
  FAILED: { label: "Failed", tone: "bad" },
  WAITING_FOR_BRIDGE: { label: "Waiting for the bridge", tone: "warn" },
  WAITING_FOR_COUNTERPOINT: { label: "Waiting for Counterpoint", tone: "warn" },
};

export const runStatusLabel = (s: RunStatus) => RUN_STATUS[s]?.label ?? s;

export function RunStatusBadge({ status }: { status: RunStatus }) {
  const info = RUN_STATUS[status] ?? { label: status, tone: "neutral" };
  return <span className={`status status-${info.tone}`}>{info.label}</span>;
}

const TRIGGERS: Record<string, string> = {
  SCHEDULE: "Scheduled",
  CHANGE: "Change detected",
  MANUAL: "Manual",
  FULL_RESYNC: "Full resync",
  RECONCILE: "Reconcile",
  PREVIEW: "Preview",
};
export const triggerLabel = (t: string) => TRIGGERS[t] ?? t;

const CHECK: Record<CheckStatus, { label: string; icon: string }> = {
  PASS: { label: "Pass", icon: "✓" },
  WARN: { label: "Warning", icon: "!" },
  FAIL: { label: "Fail", icon: "✕" },
};
export const checkInfo = (s: CheckStatus) => CHECK[s] ?? { label: s, icon: "?" };

/** "every 30 seconds", "every 5 minutes", "every 1 hour 30 minutes". */
export function formatInterval(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return "—";
  const parts: string[] = [];
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (h) parts.push(unit(h, "hour"));
  if (m) parts.push(unit(m, "minute"));
  if (s) parts.push(unit(s, "second"));
  return parts.join(" ");
}

/** "2 min 5 s" between two instants, or "—". */
export function formatDuration(from: string | null | undefined, to: string | null | undefined): string {
  if (!from || !to) return "—";
  const ms = new Date(to).getTime() - new Date(from).getTime();
  if (!Number.isFinite(ms) || ms < 0) return "—";
  const total = Math.round(ms / 1000);
  if (total < 60) return `${total} s`;
  const m = Math.floor(total / 60);
  const s = total % 60;
  if (m < 60) return s ? `${m} min ${s} s` : `${m} min`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}
