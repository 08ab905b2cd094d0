import { useRef, useState } from "react";
import { Link } from "react-router-dom";
import { useApi } from "../api/ApiContext";
import { errorMessage } from "../api/errors";
import type { ItemFollowUp, SyncRunItem } from "../api/types";
import { toStoreRun } from "../stores/routes/Stores";
import { useRefreshBurst } from "../utils/useRefreshBurst";

/** After "Retry": look at the item every 2 s, up to 90 times (the job may wait for a running one first). */
export const RETRY_POLL_MS = 2_000;
export const RETRY_POLL_TIMES = 90;

const OUTCOME_WORDS: Record<string, string> = {
  CREATED: "created",
  ADOPTED: "matched to the existing product",
  UPDATED: "updated",
  UNCHANGED: "already up to date",
  SKIPPED: "skipped",
};

type Since = NonNullable<ItemFollowUp["since"]>;

function Outcome({ since, tenantId, siteId }: { since: Since; tenantId: string; siteId: string }) {
  const runLink = (
    <Link to={toStoreRun({ tenantId, siteId, runId: since.runId })}>
      Open the new run
    </Link>
  );
  if (since.status === "WAITING_FOR_BRIDGE") {
    return (
      <div className="retry-result retry-warn" role="status">
        <p>The bridge is offline, so the retry waits. It runs by itself when the bridge is back.</p>
      </div>
    );
  }
  if (since.status === "WAITING_FOR_COUNTERPOINT") {
    return (
      <div className="retry-result retry-warn" role="status">
        <p>Counterpoint is not answering on the bridge's server, so the retry waits. It runs by itself when Counterpoint answers.</p>
      </div>
    );
  }
  if (since.outcome === "FAILED") {
    return (
      <div className="retry-result retry-bad" role="status">
        <p>
          <strong>Still failing.</strong> {since.reason}
        </p>
        {since.actionHint && <p>What to do: {since.actionHint}</p>}
        <p>{runLink}</p>
      </div>
    );
  }
  if (since.status === "FAILED") {
    return (
      <div className="retry-result retry-bad" role="status">
        <p>
          <strong>The run failed</strong> before it got to this item. {runLink}
        </p>
      </div>
    );
  }
  return (
    <div className="retry-result retry-ok" role="status">
      <p>
        <strong>Retried: the item went through</strong>
        {since.outcome ? ` (${OUTCOME_WORDS[since.outcome] ?? since.outcome.toLowerCase()}).` : " (nothing more needed changing)."} {runLink}
      </p>
    </div>
  );
}

/** "Retry" for one failed item: runs its job at once, then shows what happened to the item. */
export function ItemRetry({ tenantId, siteId, runId, item }: { tenantId: string; siteId: string; runId: string; item: SyncRunItem }) {
  const api = useApi();
  const [error, setError] = useState<string>();
  const [result, setResult] = useState<Since | null>(null);
  const [starting, setStarting] = useState(false);
  const [asked, setAsked] = useState(false);
  const before = useRef<Since | null>(null);

  const burst = useRefreshBurst(
    async (signal) => {
      const f = await api.sync.item(tenantId, siteId, runId, item.id!, { signal });
      const s = f.since;
      const b = before.current;
      const done = !!s && s.status !== "RUNNING" && (s.runId !== b?.runId || b?.status === "RUNNING");
      if (done) setResult(s);
      return done;
    },
    { intervalMs: RETRY_POLL_MS, times: RETRY_POLL_TIMES },
  );

  if (item.id === undefined) return null;
  const waiting = burst.active && !result;

  const retry = async () => {
    setError(undefined);
    setResult(null);
    setStarting(true);
    try {
      const f = await api.sync.retryItem(tenantId, siteId, runId, item.id!);
      before.current = f.since;
      setAsked(true);
      burst.start();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setStarting(false);
    }
  };

  return (
    <div className="item-retry">
      <button
        type="button"
        className="btn btn-small btn-primary"
        aria-label={`${starting ? "Starting" : waiting ? "Retrying" : "Retry"} ${item.itemKey}`}
        onClick={() => void retry()}
        disabled={starting || waiting}
      >
        {starting ? "Starting…" : waiting ? "Retrying…" : "Retry"}
      </button>
      {waiting && (
        <p className="small" role="status">
          <span className="spinner spinner-small" aria-hidden="true" /> The job runs now; waiting for its result…
        </p>
      )}
      {asked && !waiting && !result && !error && (
        <p className="small muted" role="status">
          No result yet. The job may still be busy; check the store's run history in a moment.
        </p>
      )}
      {result && <Outcome since={result} tenantId={tenantId} siteId={siteId} />}
      {error && (
        <p className="form-error small" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
