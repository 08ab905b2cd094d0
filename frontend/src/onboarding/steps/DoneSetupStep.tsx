import { Link } from "react-router-dom";
import { toStore } from "../../stores/routes/Stores";
import { toTenantOverview } from "../../tenant/routes/TenantOverview";
import { toSetup } from "../routes/Setup";
import type { StepProps } from "../SetupWizardPage";
import { stepIdOf } from "../steps";

export function DoneSetupStep({ tenantId, status }: StepProps) {
  const waiting = status.stores.filter((s) => s.status === "ACTIVE" && s.stage !== "DONE");
  return (
    <div className="stack">
      {status.step === "DONE" ? (
        <div className="notice notice-success" role="status" data-testid="setup-done">
          <p className="notice-title">
            <span aria-hidden="true">✓ </span>You're all set
          </p>
          <p>Counterpoint and WooCommerce are in sync. The overview shows how every store is doing.</p>
          <div className="actions">
            <Link className="btn btn-primary" to={toTenantOverview({ tenantId })}>
              Go to the overview
            </Link>
          </div>
        </div>
      ) : (
        <div className="notice notice-warn" role="status">
          <p className="notice-title">Not finished yet</p>
          <p>Some steps are still open.</p>
          <div className="actions">
            <Link className="btn btn-primary" to={toSetup({ tenantId })}>
              Continue the setup
            </Link>
          </div>
        </div>
      )}
      {status.stores.length > 0 && (
        <section className="card" aria-labelledby="setup-done-stores">
          <h2 id="setup-done-stores">Your stores</h2>
          <ul className="setup-store-list" aria-label="Stores and their setup">
            {status.stores.map((s) => (
              <li key={s.id} className="setup-store-row">
                <Link to={toStore({ tenantId, siteId: s.id })}>{s.name}</Link>{" "}
                {s.stage === "DONE" ? (
                  <span className="status status-ok">Syncing</span>
                ) : (
                  <Link to={toSetup({ tenantId, step: stepIdOf(s.stage) }, `?store=${encodeURIComponent(s.id)}`)}>Finish its setup</Link>
                )}
              </li>
            ))}
          </ul>
          {waiting.length > 0 && <p className="small muted">{waiting.length} store(s) still need their setup.</p>}
        </section>
      )}
    </div>
  );
}
