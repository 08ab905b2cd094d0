import { useState } from "react";
import { useApi } from "../api/ApiContext";
import { ApiError, errorMessage } from "../api/errors";
import type { SupportSession } from "../api/types";
import { useAlerts } from "../components/Alerts";

interface Props {
  session: SupportSession;
  /** Called after the session ended (or turned out to be over already). */
  onEnded: () => void;
  className?: string;
}

/** An owner of the company ends a support session at once: POST /api/tenants/{id}/support-sessions/{id}/end. */
export function EndForCompanyButton({ session, onEnded, className = "btn btn-small" }: Props) {
  const api = useApi();
  const { addAlert, addError } = useAlerts();
  const [busy, setBusy] = useState(false);
  const staff = session.staffEmail || "Counterlink support";

  const end = async () => {
    setBusy(true);
    try {
      await api.support.endForCompany(session.tenantId, session.id);
      addAlert(`Support session ended: ${staff} no longer has access to your company.`);
    } catch (e) {
      if (!(e instanceof ApiError && (e.status === 409 || e.status === 404))) {
        setBusy(false);
        addError(`Couldn't end the support session: ${errorMessage(e)}`);
        return;
      }
    }
    setBusy(false);
    onEnded();
  };

  return (
    <button type="button" className={className} onClick={() => void end()} disabled={busy}>
      {busy ? "Ending…" : "End session"}
      <span className="visually-hidden"> of {staff}</span>
    </button>
  );
}
