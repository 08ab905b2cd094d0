import { useEffect, useState } from "react";
import { useApi } from "../../api/ApiContext";
import { errorMessage } from "../../api/errors";
import { CatalogSettingsSection } from "../../stores/CatalogSettingsSection";
import { OrderSettingsSection } from "../../stores/OrderSettingsSection";
import type { StepProps } from "../SetupWizardPage";

/**
 * Saving settings would start the store's jobs on their schedules; during setup they stay off
 * until "Start syncing", so the first sync is the one the person previewed.
 */
export async function holdJobsUntilStart(api: ReturnType<typeof useApi>, tenantId: string, siteId: string) {
  const jobs = await api.sync.jobs(tenantId, siteId);
  for (const job of jobs.filter((j) => j.enabled && !j.lastRun)) {
    await api.sync.updateJob(tenantId, siteId, job.jobType, { enabled: false, intervalSeconds: job.intervalSeconds });
  }
}

export function SettingsSetupStep({ tenantId, isOwner, store, refresh, goTo }: StepProps) {
  const api = useApi();
  const [holdError, setHoldError] = useState<string>();
  const siteId = store!.id;
  const firstTime = store!.stage === "SETTINGS";

  useEffect(() => {
    if (!isOwner || !firstTime) return;
    holdJobsUntilStart(api, tenantId, siteId).catch((e) => setHoldError(errorMessage(e)));
    // once per store
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [siteId]);

  const catalogSaved = store!.catalogSettings === "SAVED";
  const ordersSaved = store!.orderSettings === "SAVED";

  return (
    <div className="stack">
      <p>
        Choose how Counterpoint and “{store!.name}” work together. Every choice below is read live from your
        Counterpoint through the bridge. {firstTime && "Nothing syncs until you press Start in the last step."}
      </p>
      {holdError && (
        <p className="form-error" role="alert">
          Couldn't pause the sync jobs until you start: {holdError}
        </p>
      )}
      <CatalogSettingsSection tenantId={tenantId} siteId={siteId} isOwner={isOwner} withPreview={false} onSaved={refresh} />
      <OrderSettingsSection tenantId={tenantId} siteId={siteId} isOwner={isOwner} onSaved={refresh} />
      <section className="card" aria-labelledby="setup-settings-next">
        <h2 id="setup-settings-next">Next: preview</h2>
        <ul className="setup-checklist" aria-label="Settings saved">
          <li className={catalogSaved ? "done" : undefined}>
            <span aria-hidden="true">{catalogSaved ? "✓" : "○"}</span> Catalog settings {catalogSaved ? "saved" : "not saved yet"}
          </li>
          <li className={ordersSaved ? "done" : undefined}>
            <span aria-hidden="true">{ordersSaved ? "✓" : "○"}</span> Order settings {ordersSaved ? "saved" : "not saved yet"}
          </li>
        </ul>
        <div className="actions">
          <button type="button" className="btn btn-primary" disabled={!catalogSaved || !ordersSaved} onClick={() => goTo("preview")}>
            Continue to the preview
          </button>
          {(!catalogSaved || !ordersSaved) && <span className="field-hint">Save both forms above first.</span>}
        </div>
      </section>
    </div>
  );
}
