import { PreviewPanel } from "../../stores/CatalogSettingsSection";
import type { StepProps } from "../SetupWizardPage";

export function PreviewSetupStep({ tenantId, store, refresh, goTo }: StepProps) {
  const finished = store!.preview === "FINISHED" || store!.stage === "DONE";
  return (
    <div className="stack">
      <section className="card" aria-labelledby="setup-preview-heading">
        <h2 id="setup-preview-heading">What the first sync would do</h2>
        <PreviewPanel tenantId={tenantId} siteId={store!.id} onFinished={refresh} />
        {finished && store!.preview === "FINISHED" && (
          <p className="small muted">A preview has finished for this store; run it again after changing settings.</p>
        )}
        <div className="actions">
          <button type="button" className="btn" onClick={() => goTo("settings")}>
            Back to the settings
          </button>
          <button type="button" className="btn btn-primary" disabled={!finished} onClick={() => goTo("start")}>
            Continue to start
          </button>
        </div>
      </section>
    </div>
  );
}
