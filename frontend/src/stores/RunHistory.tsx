import { useId, useState } from "react";
import { Link } from "react-router-dom";
import { useApi } from "../api/ApiContext";
import { JOB_TYPES, type JobType } from "../api/types";
import { EmptyState, ErrorState, LoadingState } from "../components/States";
import { formatDateTime } from "../utils/format";
import { useFetch } from "../utils/useFetch";
import { RunCounts } from "./JobsSection";
import { RunStatusBadge, formatDuration, jobLabel, triggerLabel } from "./labels";
import { toStoreRun } from "./routes/Stores";

/** The store's recent runs, optionally for one job; each links to its detail. */
export function RunHistory({ tenantId, siteId, version }: { tenantId: string; siteId: string; version: number }) {
  const api = useApi();
  const [jobType, setJobType] = useState<JobType | "">("");
  const selectId = useId();
  const { data, error, loading, reload } = useFetch(
    (signal) => api.sync.runs(tenantId, siteId, jobType || undefined, { signal }),
    [api, tenantId, siteId, jobType, version],
  );

  let body;
  if (data) {
    body =
      data.length === 0 ? (
        <EmptyState title="No runs yet">{jobType ? `The ${jobLabel(jobType).toLowerCase()} job hasn't run yet.` : "Runs appear here once syncing starts."}</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="Sync runs">
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Job</th>
                <th scope="col">Status</th>
                <th scope="col">Items</th>
                <th scope="col">Took</th>
              </tr>
            </thead>
            <tbody>
              {data.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={toStoreRun({ tenantId, siteId, runId: r.id })}>{formatDateTime(r.startedAt)}</Link>
                    <div className="muted small">{triggerLabel(r.runTrigger)}</div>
                  </td>
                  <td>{jobLabel(r.jobType ?? (jobType || undefined))}</td>
                  <td>
                    <RunStatusBadge status={r.status} />
                  </td>
                  <td>
                    <RunCounts run={r} />
                  </td>
                  <td>{r.status === "RUNNING" ? "…" : formatDuration(r.startedAt, r.finishedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  } else if (error) {
    body = <ErrorState error={error} title="Couldn't load the run history" onRetry={reload} />;
  } else {
    body = <LoadingState label="Loading runs…" />;
  }

  return (
    <section className="card" aria-labelledby="runs-heading" id="runs">
      <div className="section-head">
        <h2 id="runs-heading">Run history</h2>
        {data && loading && <span className="muted small">Refreshing…</span>}
      </div>
      <div className="field field-inline">
        <label htmlFor={selectId}>Job</label>
        <select id={selectId} value={jobType} onChange={(e) => setJobType(e.target.value as JobType | "")}>
          <option value="">All jobs</option>
          {JOB_TYPES.map((t) => (
            <option key={t} value={t}>
              {jobLabel(t)}
            </option>
          ))}
        </select>
      </div>
      {body}
    </section>
  );
}
