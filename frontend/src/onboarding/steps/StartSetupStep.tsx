import { useState } from "react";
import { Link } from "react-router-dom";
import { useApi } from "../../api/ApiContext";
import { errorMessage } from "../../api/errors";
import type { JobSetting } from "../../api/types";
import { ErrorState, LoadingState } from "../../components/States";
import { RunCounts } from "../../stores/JobsSection";
import { JOB_DESCRIPTIONS, JOB_LABELS, RunStatusBadge, formatInterval } from "../../stores/labels";
import { toStore, toStoreRun } from "../../stores/routes/Stores";
import { useFetch } from "../../utils/useFetch";
import { useRefreshBurst } from "../../utils/useRefreshBurst";
import type { StepProps } from "../SetupWizardPage";

/** After "Start syncing": follow the first products run every 3 s, for up to 5 minutes. */
export const START_POLL_MS = 3_000;
export const START_POLL_TIMES = 100;

export function StartSetupStep({ tenantId, isOwner, store, refresh, goTo }: StepProps) {
  const api = useApi();
  const siteId = store!.id;
  const jobs = useFetch((signal) => api.sync.jobs(tenantId, siteId, { signal }), [api, tenantId, siteId]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const products = jobs.data?.find((j) => j.jobType === "PRODUCTS");
  const firstRun = products?.lastRun && products.lastRun.runTrigger !== "PREVIEW" ? products.lastRun : null;
  const started = store!.stage === "DONE" || !!firstRun;

  const burst = useRefreshBurst(
    async (signal) => {
      const list = await api.sync.jobs(tenantId, siteId, { signal });
      jobs.setData(list);
      const run = list.find((j) => j.jobType === "PRODUCTS")?.lastRun;
      const done = !!run && run.runTrigger !== "PREVIEW" && run.status !== "RUNNING";
      if (run && run.runTrigger !== "PREVIEW") refresh();
      return done;
    },
    { intervalMs: START_POLL_MS, times: START_POLL_TIMES },
  );

  const start = async (list: JobSetting[]) => {
    setBusy(true);
    setError(undefined);
    try {
      const updated: JobSetting[] = [];
      for (const job of list) {
        updated.push(await api.sync.updateJob(tenantId, siteId, job.jobType, { enabled: true, intervalSeconds: job.intervalSeconds }));
      }
      jobs.setData(updated);
      await api.sync.runNow(tenantId, siteId, "PRODUCTS");
      burst.start();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  let body;
  if (jobs.data) {
    body = (
      <>
        <ul className="setup-jobs" aria-label="Sync jobs to start">
          {jobs.data.map((j) => (
            <li key={j.jobType}>
              <strong>{JOB_LABELS[j.jobType]}</strong> — {JOB_DESCRIPTIONS[j.jobType]}{" "}
              <span className="muted small">
                {j.enabled ? `On, every ${formatInterval(j.intervalSeconds)}` : `Off until you start (then every ${formatInterval(j.intervalSeconds)})`}
              </span>
            </li>
          ))}
        </ul>
        {!started && isOwner && (
          <div className="actions">
            <button type="button" className="btn btn-primary" disabled={busy || burst.active} onClick={() => void start(jobs.data!)}>
              {busy ? "Starting…" : "Start syncing"}
            </button>
            <span className="field-hint">Turns on every job above and runs the first products sync now.</span>
          </div>
        )}
        {!isOwner && !started && (
          <p className="muted" data-testid="owner-only-note">
            Only an owner of this company can start syncing.
          </p>
        )}
      </>
    );
  } else if (jobs.error) {
    body = <ErrorState error={jobs.error} title="Couldn't load the sync jobs" onRetry={jobs.reload} />;
  } else {
    body = <LoadingState label="Loading sync jobs…" />;
  }

  const runningNow = burst.active && !firstRun;
  return (
    <div className="stack">
      <section className="card" aria-labelledby="setup-start-heading">
        <h2 id="setup-start-heading">Start syncing “{store!.name}”</h2>
        {body}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div role="status" aria-live="polite" data-testid="first-sync">
          {runningNow && (
            <p className="notice-progress">
              <span className="spinner spinner-small" aria-hidden="true" /> Starting the first sync…
            </p>
          )}
          {firstRun && (
            <div className="last-run">
              <p className="last-run-head">
                First sync <RunStatusBadge status={firstRun.status} />
              </p>
              <RunCounts run={firstRun} />
              {firstRun.statusReason && <p className="small run-reason">{firstRun.statusReason}</p>}
              <p className="small">
                <Link to={toStoreRun({ tenantId, siteId, runId: firstRun.id })}>View run details</Link>
              </p>
            </div>
          )}
        </div>
        {started && (
          <div className="actions">
            <button type="button" className="btn btn-primary" onClick={() => goTo("done")}>
              Finish
            </button>
            <Link className="btn" to={toStore({ tenantId, siteId })}>
              Open the store page
            </Link>
          </div>
        )}
      </section>
    </div>
  );
}
