import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useApi } from "../api/ApiContext";
import { ApiError, errorMessage } from "../api/errors";
import type { SupportSession, TenantDirectoryEntry } from "../api/types";
import { TextAreaField } from "../components/Field";
import { useFocusLater } from "../utils/useFocusLater";

export const REASON_MIN = 10;
export const REASON_MAX = 500;
export const DURATIONS = [
  { minutes: 15, label: "15 minutes" },
  { minutes: 30, label: "30 minutes" },
  { minutes: 60, label: "1 hour" },
  { minutes: 120, label: "2 hours" },
];

function validateReason(reason: string): string | undefined {
  const r = reason.trim();
  if (r.length < REASON_MIN) return `Give a reason of at least ${REASON_MIN} characters, e.g. the ticket number and what you will check.`;
  if (r.length > REASON_MAX) return `Use at most ${REASON_MAX} characters.`;
  return undefined;
}

interface Props {
  tenant: TenantDirectoryEntry;
  id: string;
  onStarted: (session: SupportSession) => void;
  onCancel: () => void;
}

/** "Act as this company": reason + duration → POST /api/support/tenants/{id}/sessions. */
export function StartSessionForm({ tenant, id, onStarted, onCancel }: Props) {
  const api = useApi();
  const [reason, setReason] = useState("");
  const [minutes, setMinutes] = useState(30);
  const [errors, setErrors] = useState<{ reason?: string; minutes?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const minutesRef = useRef<HTMLSelectElement>(null);
  const focusLater = useFocusLater();
  const minutesId = useId();
  const minutesErrorId = `${minutesId}-error`;

  useEffect(() => reasonRef.current?.focus(), []);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const invalid = validateReason(reason);
    setErrors({ reason: invalid });
    if (invalid) {
      reasonRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const session = await api.support.startSession(tenant.id, { reason: reason.trim(), minutes });
      onStarted(session);
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.status === 400 && (err.fieldErrors.reason || err.fieldErrors.minutes)) {
        const { reason: r, minutes: m } = err.fieldErrors;
        setErrors({ reason: r, minutes: m });
        focusLater(() => (r ? reasonRef.current : minutesRef.current));
      } else if (err instanceof ApiError && err.status === 404) {
        setErrors({ form: "This company no longer exists. Search again." });
      } else if (err instanceof ApiError && err.status === 403) {
        setErrors({ form: "You are not allowed to act as a company. Only Counterlink support staff can." });
      } else {
        setErrors({ form: errorMessage(err) });
      }
    }
  };

  return (
    <form id={id} className="support-form" onSubmit={onSubmit} noValidate aria-label={`Act as ${tenant.name}`}>
      <p className="note">
        While the session lasts you see {tenant.name} as its owners do, <strong>read-only</strong>. To retry or resolve
        orders, run jobs, repair webhooks or retry items, elevate the session with a second reason; its team, invitations,
        store keys, bridges and settings stay the company's alone. Everything you do is recorded, the company sees the
        reason and every action in its activity log, and its owners can end the session.
      </p>
      <TextAreaField
        ref={reasonRef}
        label="Reason"
        name="reason"
        rows={3}
        maxLength={REASON_MAX + 100}
        value={reason}
        onChange={(e) => {
          setReason(e.target.value);
          if (errors.reason) setErrors((x) => ({ ...x, reason: undefined }));
        }}
        hint={`Shown to the company. ${REASON_MIN}–${REASON_MAX} characters, e.g. “Ticket 4711: prices don't sync”.`}
        error={errors.reason}
        disabled={busy}
      />
      <div className="field">
        <label htmlFor={minutesId}>Duration</label>
        <select
          ref={minutesRef}
          id={minutesId}
          value={minutes}
          onChange={(e) => setMinutes(Number(e.target.value))}
          aria-invalid={errors.minutes ? true : undefined}
          aria-describedby={errors.minutes ? minutesErrorId : undefined}
          disabled={busy}
        >
          {DURATIONS.map((d) => (
            <option key={d.minutes} value={d.minutes}>
              {d.label}
            </option>
          ))}
        </select>
        {errors.minutes && (
          <p className="field-error" id={minutesErrorId} role="alert">
            {errors.minutes}
          </p>
        )}
      </div>
      {errors.form && (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? "Starting…" : "Start support session"}
        </button>
        <button type="button" className="btn" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
