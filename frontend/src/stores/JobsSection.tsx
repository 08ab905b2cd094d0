import { useId, useRef, useState, type FormEvent } from "react";
import { useFocusLater } from "../utils/useFocusLater";
import { Link } from "react-router-dom";
import { useApi } from "../api/ApiContext";
import { ApiError, errorMessage } from "../api/errors";
import { JOB_TYPES, type JobSetting, type JobType, type SyncRun } from "../api/types";
import { useAlerts } from "../components/Alerts";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { TextField } from "../components/Field";
import { EmptyState, ErrorState, LoadingState } from "../components/States";
import { formatDateTime, formatRelative } from "../utils/format";
import { useFetch } from "../utils/useFetch";
import { useRefreshBurst } from "../utils/useRefreshBurst";
import { JOB_DESCRIPTIONS, RunStatusBadge, formatInterval, jobLabel, triggerLabel } from "./labels";
import { toStoreRun } from "./routes/Stores";

/** After "Sync now": refresh the jobs every 2 s, up to 10 times, until the new run has finished. */
export const JOB_POLL_MS = 2_000;
export const JOB_POLL_TIMES = 10;

export function RunCounts({ run }: { run: SyncRun }) {
  const parts: [string, number][] = [
    ["read", run.itemsRead],
    ["created", run.itemsCreated],
    ["updated", run.itemsUpdated],
    ["unchanged", run.itemsUnchanged],
    ["failed", run.itemsFailed],
  ];
  return (
    <span className="run-counts">
      {parts.map(([label, n]) => (
        <span key={label} className={label === "failed" && n > 0 ? "count count-failed" : "count"}>
          {n} {label}
        </span>
      ))}
    </span>
  );
}

function LastRun({ run, tenantId, siteId }: { run: SyncRun | null; tenantId: string; siteId: string }) {
  if (!run) return <p className="muted small last-run">Not run yet.</p>;
  return (
    <div className="last-run">
      <p className="last-run-head">
        <span className="muted">Last run</span> <RunStatusBadge status={run.status} />{" "}
        <time dateTime={run.startedAt} title={formatDateTime(run.startedAt)}>
          {formatRelative(run.startedAt)}
        </time>
        <span className="muted"> · {triggerLabel(run.runTrigger)}</span>
      </p>
      <RunCounts run={run} />
      {run.statusReason && <p className="small run-reason">{run.statusReason}</p>}
      <p className="small">
        <Link to={toStoreRun({ tenantId, siteId, runId: run.id })}>View run details</Link>
      </p>
    </div>
  );
}

interface EditProps {
  job: JobSetting;
  tenantId: string;
  siteId: string;
  onSaved: (job: JobSetting) => void;
  onCancel: () => void;
}

function JobEditForm({ job, tenantId, siteId, onSaved, onCancel }: EditProps) {
  const api = useApi();
  const [enabled, setEnabled] = useState(job.enabled);
  const [interval, setIntervalText] = useState(String(job.intervalSeconds));
  const [fieldError, setFieldError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const intervalRef = useRef<HTMLInputElement>(null);
  const focusLater = useFocusLater();
  const checkboxId = useId();
  const label = jobLabel(job.jobType);
  const seconds = Number(interval);
  const valid = interval.trim() !== "" && Number.isInteger(seconds);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(undefined);
    if (!valid) {
      setFieldError("Enter a whole number of seconds.");
      intervalRef.current?.focus();
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    try {
      onSaved(await api.sync.updateJob(tenantId, siteId, job.jobType, { enabled, intervalSeconds: seconds }));
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.fieldErrors.intervalSeconds) {
        setFieldError(err.fieldErrors.intervalSeconds);
        focusLater(() => intervalRef.current);
      } else if (err instanceof ApiError && err.status === 400) {
        setFormError(Object.values(err.fieldErrors)[0] ?? errorMessage(err));
      } else {
        setFormError(errorMessage(err));
      }
    }
  };

  return (
    <form className="form stack job-edit" onSubmit={onSubmit} noValidate aria-label={`${label} schedule`}>
      <div className="checkbox">
        <input id={checkboxId} type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} disabled={busy} />
        <label htmlFor={checkboxId}>Run {label.toLowerCase()} sync automatically</label>
      </div>
      <TextField
        ref={intervalRef}
        label="Interval in seconds"
        name="intervalSeconds"
        type="number"
        inputMode="numeric"
        min={10}
        max={86400}
        step={1}
        value={interval}
        onChange={(e) => {
          setIntervalText(e.target.value);
          if (fieldError) setFieldError(undefined);
        }}
        hint={`From 10 seconds to 86400 (one day).${valid && seconds > 0 ? ` Now: every ${formatInterval(seconds)}.` : ""}`}
        error={fieldError}
        disabled={busy}
        className="field-short"
      />
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? "Saving…" : "Save schedule"}
        </button>
        <button type="button" className="btn" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}

interface JobCardProps {
  job: JobSetting;
  tenantId: string;
  siteId: string;
  isOwner: boolean;
  canRun: boolean;
  running: boolean;
  onSaved: (job: JobSetting) => void;
  onRun: (job: JobSetting, full: boolean) => Promise<void>;
}

function JobCard({ job, tenantId, siteId, isOwner, canRun, running, onSaved, onRun }: JobCardProps) {
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState<"sync" | "full" | null>(null);
  const [error, setError] = useState<string>();
  const [confirmFull, setConfirmFull] = useState(false);
  const headingId = useId();
  const editRef = useRef<HTMLButtonElement>(null);
  const label = jobLabel(job.jobType);

  const run = async (full: boolean) => {
    setBusy(full ? "full" : "sync");
    setError(undefined);
    try {
      await onRun(job, full);
      setConfirmFull(false);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <li className="job" aria-labelledby={headingId}>
      <div className="job-head">
        <h3 id={headingId}>{label}</h3>
        <span className={job.enabled ? "status status-ok" : "status status-neutral"}>
          {job.enabled ? `On · every ${formatInterval(job.intervalSeconds)}` : "Off"}
        </span>
      </div>
      <p className="muted small">{JOB_DESCRIPTIONS[job.jobType] ?? ""}</p>
      <LastRun run={job.lastRun} tenantId={tenantId} siteId={siteId} />
      {running && (
        <p className="small job-watch" role="status">
          <span className="spinner spinner-small" aria-hidden="true" /> Started. Checking for the result…
        </p>
      )}
      {isOwner && !editing && (
        <div className="actions job-actions">
          <button type="button" className="btn btn-small btn-primary" onClick={() => void run(false)} disabled={busy !== null || !canRun}>
            {busy === "sync" ? "Starting…" : "Sync now"}
          </button>
          <button type="button" className="btn btn-small" onClick={() => { setError(undefined); setConfirmFull(true); }} disabled={busy !== null || !canRun}>
            Full resync
          </button>
          <button ref={editRef} type="button" className="btn btn-small" onClick={() => setEditing(true)} aria-describedby={headingId}>
            Edit schedule
          </button>
        </div>
      )}
      {error && !confirmFull && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {isOwner && editing && (
        <JobEditForm
          job={job}
          tenantId={tenantId}
          siteId={siteId}
          onSaved={(j) => {
            onSaved(j);
            setEditing(false);
            window.setTimeout(() => editRef.current?.focus(), 0);
          }}
          onCancel={() => {
            setEditing(false);
            window.setTimeout(() => editRef.current?.focus(), 0);
          }}
        />
      )}
      {confirmFull && (
        <ConfirmDialog
          title={`Full resync of ${label.toLowerCase()}?`}
          confirmLabel="Start full resync"
          busyLabel="Starting…"
          busy={busy === "full"}
          error={error}
          onConfirm={() => void run(true)}
          onCancel={() => setConfirmFull(false)}
        >
          <p>
            Counterlink compares every item again instead of only what changed. It takes longer and may update many
            items in WooCommerce. Use it when the store looks out of sync.
          </p>
        </ConfirmDialog>
      )}
    </li>
  );
}

interface JobsSectionProps {
  tenantId: string;
  siteId: string;
  isOwner: boolean;
  storeActive: boolean;
  /** Called when a run was started or finished (to refresh the run history). */
  onRunsChanged: () => void;
}

export function JobsSection({ tenantId, siteId, isOwner, storeActive, onRunsChanged }: JobsSectionProps) {
  const api = useApi();
  const { addAlert } = useAlerts();
  const { data, error, reload, setData } = useFetch(
    (signal) => api.sync.jobs(tenantId, siteId, { signal }),
    [api, tenantId, siteId, storeActive],
  );
  const dataRef = useRef(data);
  dataRef.current = data;
  // The job whose run we are waiting for, and its last run id when we asked.
  const watching = useRef<{ jobType: JobType; before: string | null } | null>(null);
  const [watchedJob, setWatchedJob] = useState<JobType | null>(null);

  const burst = useRefreshBurst(
    async (signal) => {
      const jobs = await api.sync.jobs(tenantId, siteId, { signal });
      setData(jobs);
      const w = watching.current;
      const job = w && jobs.find((j) => j.jobType === w.jobType);
      const done = !!job?.lastRun && job.lastRun.id !== w?.before && job.lastRun.status !== "RUNNING";
      if (done) {
        watching.current = null;
        setWatchedJob(null);
        onRunsChanged();
      }
      return done;
    },
    { intervalMs: JOB_POLL_MS, times: JOB_POLL_TIMES },
  );

  const onRun = async (job: JobSetting, full: boolean) => {
    await api.sync.runNow(tenantId, siteId, job.jobType, full);
    addAlert(`${full ? "Full resync" : "Sync"} of ${jobLabel(job.jobType).toLowerCase()} started.`, "info");
    watching.current = { jobType: job.jobType, before: job.lastRun?.id ?? null };
    setWatchedJob(job.jobType);
    onRunsChanged();
    burst.start();
  };

  const onSaved = (updated: JobSetting) => {
    const current = dataRef.current ?? [];
    setData(current.map((j) => (j.jobType === updated.jobType ? { ...updated, lastRun: updated.lastRun ?? j.lastRun } : j)));
    addAlert(`${jobLabel(updated.jobType)} schedule saved.`);
  };

  let body;
  if (data) {
    const jobs = [...data].sort((a, b) => JOB_TYPES.indexOf(a.jobType) - JOB_TYPES.indexOf(b.jobType));
    body =
      jobs.length === 0 ? (
        <EmptyState title="No sync jobs yet">Jobs appear once the store is active.</EmptyState>
      ) : (
        <ul className="jobs" aria-label="Sync jobs">
          {jobs.map((j) => (
            <JobCard
              key={j.jobType}
              job={j}
              tenantId={tenantId}
              siteId={siteId}
              isOwner={isOwner}
              canRun={storeActive}
              running={burst.active && watchedJob === j.jobType}
              onSaved={onSaved}
              onRun={onRun}
            />
          ))}
        </ul>
      );
  } else if (error) {
    body = <ErrorState error={error} title="Couldn't load the sync jobs" onRetry={reload} />;
  } else {
    body = <LoadingState label="Loading sync jobs…" />;
  }

  return (
    <section className="card" aria-labelledby="jobs-heading">
      <h2 id="jobs-heading">Sync jobs</h2>
      {isOwner && !storeActive && data && data.length > 0 && (
        <p className="muted small">You can start syncs once the store is active.</p>
      )}
      {body}
    </section>
  );
}
