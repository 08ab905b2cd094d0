import { useState } from "react";
import { Link } from "react-router-dom";
import { useApi } from "../../api/ApiContext";
import { PreviewPanel, countItems } from "../../stores/CatalogSettingsSection";
import { RunStatusBadge } from "../../stores/labels";
import { toStoreRun } from "../../stores/routes/Stores";
import { formatRelative } from "../../utils/format";
import { useFetch } from "../../utils/useFetch";
import type { StepProps } from "../SetupWizardPage";

/** Coming back to this step: what the last finished preview found. */
function LastPreview({ tenantId, siteId }: { tenantId: string; siteId: string }) {
  const api = useApi();
  const last = useFetch(
    async (signal) => {
      const runs = await api.sync.runs(tenantId, siteId, "PRODUCTS", { signal });
      const run = runs.find((r) => r.runTrigger === "PREVIEW" && r.status !== "RUNNING");
      return run ? api.sync.run(tenantId, siteId, run.id, { signal }) : null;
    },
    [api, tenantId, siteId],
  );
  if (!last.data) return null;
  const { run } = last.data;
  const counts = countItems(last.data.items);
  return (
    <div className="preview-summary" data-testid="last-preview">
      <p>
        Last preview, {formatRelative(run.finishedAt ?? run.startedAt)} <RunStatusBadge status={run.status} />
      </p>
      <ul className="preview-counts" aria-label="Last preview summary">
        <li>
          <strong>{counts.create}</strong> would be created
        </li>
        <li>
          <strong>{counts.adopt}</strong> would be adopted
        </li>
        <li className={counts.conflicts > 0 ? "count-failed" : undefined}>
          <strong>{counts.conflicts}</strong> conflicts
        </li>
        <li>
          <strong>{counts.leftAlone}</strong> left alone
        </li>
      </ul>
      <p className="small">
        <Link to={toStoreRun({ tenantId, siteId, runId: run.id })}>View the last preview's details</Link>
      </p>
    </div>
  );
}

export function PreviewSetupStep({ tenantId, store, refresh, goTo }: StepProps) {
  const [ranHere, setRanHere] = useState(false);
  const finished = store!.preview === "FINISHED" || store!.stage === "DONE";
  return (
    <div className="stack">
      <section className="card" aria-labelledby="setup-preview-heading">
        <h2 id="setup-preview-heading">What the first sync would do</h2>
        {finished && !ranHere && <LastPreview tenantId={tenantId} siteId={store!.id} />}
        <PreviewPanel
          tenantId={tenantId}
          siteId={store!.id}
          onFinished={() => {
            setRanHere(true);
            refresh();
          }}
        />
        <div className="actions">
          <button type="button" className="btn" onClick={() => goTo("settings")}>
            Back to the settings
          </button>
          <button type="button" className="btn btn-primary" disabled={!finished} onClick={() => goTo("start")}>
            Continue to start
          </button>
          {!finished && <span className="field-hint">Run a preview first.</span>}
        </div>
      </section>
    </div>
  );
}
