import { useId, useState } from "react";
import { useApi } from "../api/ApiContext";
import { ApiError, errorMessage } from "../api/errors";
import type { SupportSession } from "../api/types";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { TextAreaField } from "../components/Field";
import { REASON_MAX, REASON_MIN } from "./StartSessionForm";

export const ELEVATIONS = [
  { minutes: 5, label: "5 minutes" },
  { minutes: 15, label: "15 minutes" },
  { minutes: 30, label: "30 minutes" },
  { minutes: 60, label: "1 hour" },
];

interface Props {
  session: SupportSession;
  company: string;
  onElevated: (session: SupportSession) => void;
  onCancel: () => void;
}

/**
 * "Elevate for writes": a reason of its own and a short time → POST …/sessions/{id}/elevation.
 * The company sees the reason in its activity log and in its banner.
 */
export function ElevateDialog({ session, company, onElevated, onCancel }: Props) {
  const api = useApi();
  const [reason, setReason] = useState("");
  const [minutes, setMinutes] = useState(15);
  const [reasonError, setReasonError] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const minutesId = useId();

  const submit = async () => {
    const r = reason.trim();
    if (r.length < REASON_MIN || r.length > REASON_MAX) {
      setReasonError(`Give a reason of ${REASON_MIN}–${REASON_MAX} characters: which write, and why.`);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      onElevated(await api.support.elevate(session.tenantId, session.id, { reason: r, minutes }));
    } catch (e) {
      setBusy(false);
      if (e instanceof ApiError && e.fieldErrors.reason) setReasonError(e.fieldErrors.reason);
      else if (e instanceof ApiError && e.status === 409) setError("The session is over. Start a new one.");
      else setError(errorMessage(e));
    }
  };

  return (
    <ConfirmDialog
      title={`Elevate the session in ${company} for writes`}
      confirmLabel="Open writes"
      busyLabel="Opening…"
      busy={busy}
      error={error}
      onConfirm={() => void submit()}
      onCancel={onCancel}
    >
      <p>
        The session is read-only. Elevated, it can also retry or resolve orders, run a job now, repair webhooks, retry a
        failed item and test a store's connection — never change the team, invitations, store keys or address, bridges
        or settings. The company sees this reason.
      </p>
      <TextAreaField
        label="Reason for writes"
        name="elevation-reason"
        rows={3}
        maxLength={REASON_MAX + 100}
        value={reason}
        onChange={(e) => {
          setReason(e.target.value);
          setReasonError(undefined);
        }}
        hint="E.g. “Ticket 4711: retry order 1042 after the tax code fix”."
        error={reasonError}
        disabled={busy}
      />
      <div className="field">
        <label htmlFor={minutesId}>For</label>
        <select id={minutesId} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} disabled={busy}>
          {ELEVATIONS.map((d) => (
            <option key={d.minutes} value={d.minutes}>
              {d.label}
            </option>
          ))}
        </select>
      </div>
    </ConfirmDialog>
  );
}
