import { useEffect, useId, useState } from "react";
import { Link } from "react-router-dom";
import { useApi } from "../api/ApiContext";
import { errorMessage } from "../api/errors";
import type { Attention, Dashboard as DashboardData, DashboardJob, DashboardStore, JobType } from "../api/types";
import { BridgeCard } from "../bridge/BridgeCard";
import { toBridge } from "../bridge/routes/Bridge";
import { useAlerts } from "../components/Alerts";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { EmptyState, ErrorState, LoadingState } from "../components/States";
import { toAllocations, toCustomers, toOrders } from "../orders/routes/Orders";
import { RunStatusBadge, StoreStatusBadge, formatInterval, jobLabel, triggerLabel } from "../stores/labels";
import { toStore, toStoreRun, toStores } from "../stores/routes/Stores";
import { formatDateTime, formatRelative } from "../utils/format";
import { useFetch } from "../utils/useFetch";
import { DayChart } from "./DayChart";

/** Refresh every 2 s while a sync runs (or was just started), else every 20 s. */
export const FAST_REFRESH_MS = 2_000;
export const SLOW_REFRESH_MS = 20_000;
const FAST_AFTER_START_MS = 30_000;

const browserTimeZone = () => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
};

function attentionLink(tenantId: string, a: Attention): { to: ReturnType<typeof toBridge>; label: string } | null {
  switch (a.kind) {
    case "NO_BRIDGE":
      return { to: toBridge({ tenantId }), label: "Install the bridge" };
    case "BRIDGE_OFFLINE":
    case "COUNTERPOINT_UNREACHABLE":
      return { to: toBridge({ tenantId }), label: "Open the bridge page" };
    case "STORE_DISCONNECTED":
    case "STORE_PENDING":
      return a.siteId ? { to: toStore({ tenantId, siteId: a.siteId }), label: "Open the store" } : null;
    case "ORDERS_NEED_ATTENTION":
      return { to: toOrders({ tenantId }, "NEEDS_ATTENTION"), label: "See the orders" };
    case "ORDERS_FLAGGED":
      return { to: toOrders({ tenantId }), label: "See the orders" };
    case "RUN_FAILED":
    case "FAILED_ITEMS":
      return a.siteId && a.runId ? { to: toStoreRun({ tenantId, siteId: a.siteId, runId: a.runId }), label: "Open the run" } : null;
    default:
      return null;
  }
}

function AttentionBanner({ tenantId, items }: { tenantId: string; items: Attention[] }) {
  if (items.length === 0) {
    return (
      <div className="notice notice-success" role="status" data-testid="all-good">
        <p className="notice-title">Everything is running</p>
        <p>Nothing needs you right now.</p>
      </div>
    );
  }
  return (
    <section className="attention" aria-labelledby="attention-heading">
      <h2 id="attention-heading" className="visually-hidden">
        Needs your attention
      </h2>
      <ul className="attention-list">
        {items.map((a, i) => {
          const link = attentionLink(tenantId, a);
          return (
            <li key={`${a.kind}-${a.siteId ?? ""}-${a.jobType ?? ""}-${i}`} className={a.severity === "CRITICAL" ? "notice notice-bad" : "notice notice-warn"}>
              <p className="notice-title">{a.title}</p>
              <p>{a.detail}</p>
              <p>
                <strong>What to do:</strong> {a.action}
              </p>
              {link && (
                <div className="actions">
                  <Link className="btn btn-small" to={link.to}>
                    {link.label}
                  </Link>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function OrdersPanel({ tenantId, data }: { tenantId: string; data: DashboardData }) {
  const o = data.orders;
  return (
    <section className="card" aria-labelledby="dash-orders-heading">
      <h2 id="dash-orders-heading">Web orders</h2>
      <dl className="facts facts-compact dash-order-counts">
        <div>
          <dt>Need attention</dt>
          <dd className={o.needsAttention > 0 ? "count-failed" : undefined}>{o.needsAttention}</dd>
        </div>
        <div>
          <dt>Waiting to be written</dt>
          <dd>{o.waiting}</dd>
        </div>
        <div>
          <dt>In Counterpoint, not posted</dt>
          <dd>{o.written}</dd>
        </div>
        {o.flagged > 0 && (
          <div>
            <dt>Flagged for you</dt>
            <dd className="count-failed">{o.flagged}</dd>
          </div>
        )}
      </dl>
      <p className="card-foot dash-links">
        <Link to={toOrders({ tenantId })}>Order ledger</Link>
        <Link to={toCustomers({ tenantId })}>Customers</Link>
        <Link to={toAllocations({ tenantId })}>Allocation</Link>
      </p>
    </section>
  );
}

export function ProgressBar({ job }: { job: DashboardJob }) {
  const p = job.progress;
  if (!p) return null;
  const label = `${jobLabel(job.jobType)} ${p.runTrigger === "FULL_RESYNC" ? "full resync" : "sync"} running`;
  const known = p.total !== null && p.total > 0;
  const text = known
    ? `${p.processed} of ${p.total} items`
    : p.processed > 0 || p.read > 0
      ? `${p.processed} items done, ${p.read} read so far`
      : "Starting…";
  return (
    <div className="run-progress">
      <div className="run-progress-head small">
        <span>{label}</span>
        <span>{text}</span>
      </div>
      <progress aria-label={label} aria-valuetext={text} max={known ? p.total! : undefined} value={known ? Math.min(p.processed, p.total!) : undefined} />
      <p className="muted small">
        {p.created} created · {p.updated} updated · {p.unchanged} unchanged
        {p.failed > 0 && <span className="count-failed"> · {p.failed} failed</span>}
      </p>
    </div>
  );
}

function NextRun({ job }: { job: DashboardJob }) {
  if (!job.enabled) return <span className="muted">Off</span>;
  if (!job.nextRunAt) return <span className="muted">Not scheduled</span>;
  return (
    <time dateTime={job.nextRunAt} title={`${formatDateTime(job.nextRunAt)} · every ${formatInterval(job.intervalSeconds)}`}>
      {formatRelative(job.nextRunAt)}
    </time>
  );
}

function JobRow({ tenantId, store, job, isOwner, onStarted }: {
  tenantId: string;
  store: DashboardStore;
  job: DashboardJob;
  isOwner: boolean;
  onStarted: () => void;
}) {
  const api = useApi();
  const { addAlert } = useAlerts();
  const [busy, setBusy] = useState<"sync" | "full" | null>(null);
  const [error, setError] = useState<string>();
  const [confirmFull, setConfirmFull] = useState(false);
  const label = jobLabel(job.jobType);
  const run = job.lastRun;
  const active = store.status === "ACTIVE";

  const start = async (full: boolean) => {
    setBusy(full ? "full" : "sync");
    setError(undefined);
    try {
      await api.sync.runNow(tenantId, store.id, job.jobType as JobType, full);
      addAlert(`${full ? "Full resync" : "Sync"} of ${label.toLowerCase()} for “${store.name}” started.`, "info");
      setConfirmFull(false);
      onStarted();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <tr>
      <th scope="row">{label}</th>
      <td>
        {job.progress ? <span className="status status-info">Running</span> : run ? <RunStatusBadge status={run.status} /> : <span className="muted">Not run yet</span>}
      </td>
      <td>
        {run ? (
          <>
            <Link to={toStoreRun({ tenantId, siteId: store.id, runId: run.id })} title={formatDateTime(run.startedAt)}>
              {formatRelative(run.startedAt)}
            </Link>
            <div className="muted small">{triggerLabel(run.runTrigger)}</div>
          </>
        ) : (
          "—"
        )}
      </td>
      <td className="small">
        {job.progress ? (
          <ProgressBar job={job} />
        ) : run ? (
          <span className="run-counts">
            <span className="count">{run.itemsCreated} created</span>
            <span className="count">{run.itemsUpdated} updated</span>
            <span className={run.itemsFailed > 0 ? "count count-failed" : "count"}>{run.itemsFailed} failed</span>
          </span>
        ) : (
          "—"
        )}
      </td>
      <td>
        <NextRun job={job} />
      </td>
      {isOwner && (
        <td>
          <div className="actions dash-job-actions">
            <button
              type="button"
              className="btn btn-small btn-primary"
              aria-label={`${busy === "sync" ? "Starting" : "Sync now"} (${label}, ${store.name})`}
              disabled={!active || busy !== null}
              onClick={() => void start(false)}
            >
              {busy === "sync" ? "Starting…" : "Sync now"}
            </button>
            <button
              type="button"
              className="btn btn-small"
              aria-label={`Full resync (${label}, ${store.name})`}
              disabled={!active || busy !== null}
              onClick={() => {
                setError(undefined);
                setConfirmFull(true);
              }}
            >
              Full resync
            </button>
          </div>
          {error && !confirmFull && (
            <p className="form-error small" role="alert">
              {error}
            </p>
          )}
          {confirmFull && (
            <ConfirmDialog
              title={`Full resync of ${label.toLowerCase()} for “${store.name}”?`}
              confirmLabel="Start full resync"
              busyLabel="Starting…"
              busy={busy === "full"}
              error={error}
              onConfirm={() => void start(true)}
              onCancel={() => setConfirmFull(false)}
            >
              <p>Counterlink compares every item again instead of only what changed. It takes longer and may update many items in WooCommerce.</p>
            </ConfirmDialog>
          )}
        </td>
      )}
    </tr>
  );
}

function StorePanel({ tenantId, store, isOwner, onStarted }: { tenantId: string; store: DashboardStore; isOwner: boolean; onStarted: () => void }) {
  const headingId = useId();
  return (
    <section className="card card-wide" aria-labelledby={headingId}>
      <div className="section-head">
        <h2 id={headingId}>
          <Link to={toStore({ tenantId, siteId: store.id })}>{store.name || store.url}</Link>
        </h2>
        <StoreStatusBadge status={store.status} />
      </div>
      {store.statusReason && <p className="small">{store.statusReason}</p>}
      <div className="table-wrap">
        <table className="table dash-jobs" aria-label={`Sync jobs of ${store.name || store.url}`}>
          <thead>
            <tr>
              <th scope="col">Job</th>
              <th scope="col">Status</th>
              <th scope="col">Last run</th>
              <th scope="col">Items</th>
              <th scope="col">Next run</th>
              {isOwner && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {store.jobs.map((j) => (
              <JobRow key={j.jobType} tenantId={tenantId} store={store} job={j} isOwner={isOwner} onStarted={onStarted} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The company at a glance: what needs the retailer, the bridge, each store's jobs and the last two weeks. */
export function DashboardView({ tenantId, isOwner }: { tenantId: string; isOwner: boolean }) {
  const api = useApi();
  const [timeZone] = useState(browserTimeZone);
  const { data, error, reload } = useFetch((signal) => api.dashboard.get(tenantId, { days: 14, tz: timeZone }, { signal }), [api, tenantId, timeZone]);
  const [fastUntil, setFastUntil] = useState(0);
  const running = !!data?.stores.some((s) => s.jobs.some((j) => j.progress));

  useEffect(() => {
    if (!data && !error) return;
    const fast = running || Date.now() < fastUntil;
    const timer = window.setTimeout(reload, fast ? FAST_REFRESH_MS : SLOW_REFRESH_MS);
    return () => window.clearTimeout(timer);
  }, [data, error, running, fastUntil, reload]);

  const onStarted = () => {
    setFastUntil(Date.now() + FAST_AFTER_START_MS);
    reload();
  };

  return (
    <div className="dashboard">
      {data ? (
        <AttentionBanner tenantId={tenantId} items={data.attention} />
      ) : error ? (
        <ErrorState error={error} title="Couldn't load the dashboard" onRetry={reload} />
      ) : (
        <LoadingState label="Loading the dashboard…" />
      )}
      <div className="grid">
        <BridgeCard tenantId={tenantId} refreshKey={data?.generatedAt} />
        {data && <OrdersPanel tenantId={tenantId} data={data} />}
        {data && (
        <section className="card card-wide" aria-labelledby="dash-charts-heading">
          <h2 id="dash-charts-heading">Last {data.days.length} days</h2>
          <div className="charts">
            <DayChart title="Items synced per day" unit="items synced" one="item synced" points={data.days.map((d) => ({ day: d.day, value: d.itemsSynced }))} />
            <DayChart title="Web orders per day" unit="orders" one="order" tone="accent" points={data.days.map((d) => ({ day: d.day, value: d.ordersReceived }))} />
          </div>
        </section>
        )}
        {data && (data.stores.length === 0 ? (
          <section className="card card-wide" aria-labelledby="dash-stores-heading">
            <h2 id="dash-stores-heading">Stores</h2>
            <EmptyState title="No stores linked yet">
              <Link to={toStores({ tenantId })}>Link a WooCommerce store</Link> to start syncing.
            </EmptyState>
          </section>
        ) : (
          data.stores.map((s) => <StorePanel key={s.id} tenantId={tenantId} store={s} isOwner={isOwner} onStarted={onStarted} />)
        ))}
      </div>
      {data && (
        <p className="muted small dash-updated">
          Updated <time dateTime={data.generatedAt}>{formatDateTime(data.generatedAt)}</time>
          {error ? ` · couldn't refresh: ${errorMessage(error)}` : ""}
        </p>
      )}
    </div>
  );
}
