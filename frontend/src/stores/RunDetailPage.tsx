import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { useApi } from "../api/ApiContext";
import { isNotFound } from "../api/errors";
import type { SyncRunItem } from "../api/types";
import { EmptyState, ErrorState, LoadingState } from "../components/States";
import { ItemRetry } from "../dashboard/ItemRetry";
import { useTenant } from "../tenant/TenantContext";
import { formatDateTime } from "../utils/format";
import { useFetch } from "../utils/useFetch";
import { RunCounts } from "./JobsSection";
import { RunStatusBadge, formatDuration, jobLabel, triggerLabel } from "./labels";
import { toStore, toStores } from "./routes/Stores";

const OUTCOMES: Record<string, string> = {
  CREATED: "Created",
  UPDATED: "Updated",
  UNCHANGED: "Unchanged",
  ADOPTED: "Matched existing",
  FAILED: "Failed",
  SKIPPED: "Skipped",
};
const outcomeLabel = (o: string) => OUTCOMES[o] ?? o;

function FailedItem({ item, retry }: { item: SyncRunItem; retry?: { tenantId: string; siteId: string; runId: string } }) {
  return (
    <li className="failed-item">
      <div className="failed-item-head">
        <h3>{item.itemKey}</h3>
        {item.errorCode && <code className="small">{item.errorCode}</code>}
      </div>
      <dl className="failed-item-facts">
        <div>
          <dt>What happened</dt>
          <dd>{item.reason || "No reason was recorded."}</dd>
        </div>
        <div>
          <dt>What to do</dt>
          <dd>{item.actionHint || "Try the sync again; if it keeps failing, contact support with the error code."}</dd>
        </div>
      </dl>
      {retry && <ItemRetry {...retry} item={item} />}
    </li>
  );
}

export default function RunDetailPage() {
  const { tenant } = useTenant();
  const { siteId = "", runId = "" } = useParams();
  const api = useApi();
  const [showAll, setShowAll] = useState(false);
  const { data, error, reload, loading } = useFetch(
    (signal) => api.sync.run(tenant.id, siteId, runId, { signal }),
    [api, tenant.id, siteId, runId],
  );
  const storeLink = toStore({ tenantId: tenant.id, siteId });

  if (!data) {
    if (isNotFound(error)) {
      return (
        <ErrorState error={error} title="Run not found" message="It may belong to a store that was removed.">
          <Link className="btn" to={toStores({ tenantId: tenant.id })}>
            Back to stores
          </Link>
        </ErrorState>
      );
    }
    if (error) return <ErrorState error={error} title="Couldn't load the run" onRetry={reload} />;
    return <LoadingState label="Loading run…" />;
  }

  const { run, items } = data;
  const failed = items.filter((i) => i.outcome === "FAILED");
  const others = items.filter((i) => i.outcome !== "FAILED");

  return (
    <div className="stack-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={toStores({ tenantId: tenant.id })}>Stores</Link> <span aria-hidden="true">/</span>{" "}
        <Link to={storeLink}>Store</Link> <span aria-hidden="true">/</span>{" "}
        <span aria-current="page">Run</span>
      </nav>
      <div className="page-header">
        <div className="title-row">
          <h1>{jobLabel(run.jobType)} sync run</h1>
          <RunStatusBadge status={run.status} />
        </div>
        <dl className="facts">
          <div>
            <dt>Started</dt>
            <dd>
              <time dateTime={run.startedAt}>{formatDateTime(run.startedAt)}</time>
            </dd>
          </div>
          <div>
            <dt>Took</dt>
            <dd>{run.status === "RUNNING" ? "Still running" : formatDuration(run.startedAt, run.finishedAt)}</dd>
          </div>
          <div>
            <dt>Started by</dt>
            <dd>{triggerLabel(run.runTrigger)}</dd>
          </div>
        </dl>
      </div>

      {run.statusReason && (
        <div className={run.status === "FAILED" ? "notice notice-bad" : "notice notice-warn"}>
          <p className="notice-title">
            {run.status === "WAITING_FOR_BRIDGE"
              ? "Waiting for the bridge"
              : run.status === "WAITING_FOR_COUNTERPOINT"
                ? "Waiting for Counterpoint"
                : run.status === "FAILED"
                ? "The run failed"
                : run.status === "PARTIAL"
                  ? "Some items failed"
                  : "Note"}
          </p>
          <p>{run.statusReason}</p>
          {run.status === "WAITING_FOR_BRIDGE" && (
            <p>The job catches up automatically when the Counterpoint bridge is online again.</p>
          )}
          {run.status === "WAITING_FOR_COUNTERPOINT" && (
            <p>
              Nothing failed: the job runs again by itself as soon as Counterpoint's database answers the bridge. If
              this lasts, check that Counterpoint's SQL Server is running on its server.
            </p>
          )}
        </div>
      )}

      <section className="card" aria-labelledby="summary-heading">
        <div className="section-head">
          <h2 id="summary-heading">Items</h2>
          {run.status === "RUNNING" && (
            <button type="button" className="btn btn-small" onClick={reload} disabled={loading}>
              {loading ? "Refreshing…" : "Refresh"}
            </button>
          )}
        </div>
        <RunCounts run={run} />
      </section>

      <section className="card" aria-labelledby="failed-heading">
        <h2 id="failed-heading">Failed items ({failed.length})</h2>
        {failed.length === 0 ? (
          <EmptyState title="No failed items">Every item in this run went through.</EmptyState>
        ) : (
          <ul className="failed-items" aria-label="Failed items">
            {failed.map((i, n) => (
              <FailedItem
                key={`${i.itemKey}-${n}`}
                item={i}
                retry={run.runTrigger === "PREVIEW" || run.status === "RUNNING" ? undefined : { tenantId: tenant.id, siteId, runId }}
              />
            ))}
          </ul>
        )}
      </section>

      {others.length > 0 && (
        <section className="card" aria-labelledby="other-heading">
          <h2 id="other-heading">Other items ({others.length})</h2>
          <button type="button" className="btn btn-small" aria-expanded={showAll} aria-controls="other-items" onClick={() => setShowAll((s) => !s)}>
            {showAll ? "Hide items" : "Show items"}
          </button>
          <div id="other-items" hidden={!showAll}>
            {showAll && (
              <div className="table-wrap">
                <table className="table" aria-label="Other items">
                  <thead>
                    <tr>
                      <th scope="col">Item</th>
                      <th scope="col">Outcome</th>
                    </tr>
                  </thead>
                  <tbody>
                    {others.map((i, n) => (
                      <tr key={`${i.itemKey}-${n}`}>
                        <td>{i.itemKey}</td>
                        <td>
                          {outcomeLabel(i.outcome)}
                          {i.reason && <div className="muted small">{i.reason}</div>}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
        </section>
      )}

      <p>
        <Link to={storeLink}>Back to the store</Link>
      </p>
    </div>
  );
}
