import { useId, useRef, useState, type FormEvent } from "react";
import { useFocusLater } from "../utils/useFocusLater";
import { useApi } from "../api/ApiContext";
import { ApiError, errorMessage } from "../api/errors";
import type { Invitation, InvitationRole } from "../api/types";
import { useAlerts } from "../components/Alerts";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { CopyButton } from "../components/CopyButton";
import { TextField } from "../components/Field";
import { EmptyState, ErrorState, LoadingState } from "../components/States";
import { formatDate, formatRole } from "../utils/format";
import { useFetch } from "../utils/useFetch";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The link of a new invitation: shown once, right after it is created. */
function NewInvitation({ invitation, onDone }: { invitation: Invitation; onDone: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  return (
    <div className="token-box invite-box" data-testid="new-invitation">
      <h3 ref={headingRef} tabIndex={-1} className="invite-title">
        Invitation for {invitation.email} created
      </h3>
      <p>
        Send this link to <strong>{invitation.email}</strong> (by email or chat). It works only for that email
        address, once, until <time dateTime={invitation.expiresAt}>{formatDate(invitation.expiresAt)}</time> (7
        days). <strong>It is shown only now</strong>: copy it before you close this box.
      </p>
      <div className="command">
        <code data-testid="invitation-link">{invitation.acceptUrl}</code>
        <CopyButton text={invitation.acceptUrl ?? ""} label="Copy invitation link" />
      </div>
      <div className="actions">
        <button type="button" className="btn btn-small" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}

export function InvitationsSection({ tenantId }: { tenantId: string }) {
  const api = useApi();
  const { addAlert } = useAlerts();
  const { data, error, reload, setData } = useFetch((signal) => api.invitations.list(tenantId, { signal }), [api, tenantId]);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<InvitationRole>("member");
  const [emailError, setEmailError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Invitation>();
  const emailRef = useRef<HTMLInputElement>(null);
  const focusLater = useFocusLater();
  const roleId = useId();

  const [revoking, setRevoking] = useState<Invitation>();
  const [revokeBusy, setRevokeBusy] = useState(false);
  const [revokeError, setRevokeError] = useState<string>();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(undefined);
    const value = email.trim();
    const invalid = !value ? "Enter the person's email address." : !EMAIL.test(value) ? "Enter a valid email address, like name@example.com." : undefined;
    setEmailError(invalid);
    if (invalid) {
      emailRef.current?.focus();
      return;
    }
    setBusy(true);
    setCreated(undefined);
    try {
      const inv = await api.invitations.create(tenantId, { email: value, role });
      setCreated(inv);
      setEmail("");
      setRole("member");
      // The list never carries the link again.
      const current = (data ?? []).filter((x) => x.id !== inv.id && x.email.toLowerCase() !== inv.email.toLowerCase());
      setData([...current, { ...inv, acceptUrl: null }]);
    } catch (err) {
      if (err instanceof ApiError && (err.fieldErrors.email || err.status === 409)) {
        setEmailError(err.fieldErrors.email ?? err.problem.detail ?? "This person is already a member.");
        focusLater(() => emailRef.current);
      } else if (err instanceof ApiError && err.fieldErrors.role) {
        setFormError(err.fieldErrors.role);
      } else {
        setFormError(errorMessage(err));
      }
    } finally {
      setBusy(false);
    }
  };

  const revoke = async () => {
    if (!revoking) return;
    setRevokeBusy(true);
    setRevokeError(undefined);
    try {
      await api.invitations.revoke(tenantId, revoking.id);
      setData((data ?? []).filter((x) => x.id !== revoking.id));
      if (created?.id === revoking.id) setCreated(undefined);
      addAlert(`Invitation for ${revoking.email} revoked.`);
      setRevoking(undefined);
    } catch (e) {
      setRevokeError(errorMessage(e));
    } finally {
      setRevokeBusy(false);
    }
  };

  let list;
  if (data) {
    const pending = data.filter((x) => !x.status || x.status === "PENDING");
    list =
      pending.length === 0 ? (
        <EmptyState title="No pending invitations" />
      ) : (
        <ul className="member-list invite-list" aria-label="Pending invitations">
          {pending.map((inv) => (
            <li key={inv.id} className="member">
              <span className="member-main">
                <span className="member-name">{inv.email}</span>
                <span className="member-email">
                  {formatRole(inv.role)} · expires <time dateTime={inv.expiresAt}>{formatDate(inv.expiresAt)}</time>
                </span>
              </span>
              <span className="member-actions">
                <button
                  type="button"
                  className="btn btn-small btn-danger-outline"
                  aria-label={`Revoke invitation for ${inv.email}`}
                  onClick={() => {
                    setRevokeError(undefined);
                    setRevoking(inv);
                  }}
                >
                  Revoke
                </button>
              </span>
            </li>
          ))}
        </ul>
      );
  } else if (error) {
    list = <ErrorState error={error} title="Couldn't load the invitations" onRetry={reload} />;
  } else {
    list = <LoadingState label="Loading invitations…" />;
  }

  return (
    <section className="card" aria-labelledby="invite-heading" id="invite">
      <h2 id="invite-heading">Invite someone</h2>
      <p className="muted">
        Counterlink gives you a link to send to the person. They sign in (or create an account) with that email address
        and join this company. Members see the stores, bridge and sync runs; owners can also change them and manage the
        team.
      </p>
      <form className="form invite-form" onSubmit={onSubmit} noValidate aria-label="Invite someone">
        <TextField
          ref={emailRef}
          label="Email address"
          name="email"
          type="email"
          autoComplete="off"
          value={email}
          onChange={(e) => {
            setEmail(e.target.value);
            if (emailError) setEmailError(undefined);
          }}
          error={emailError}
          disabled={busy}
        />
        <div className="field">
          <label htmlFor={roleId}>Role</label>
          <select id={roleId} value={role} onChange={(e) => setRole(e.target.value as InvitationRole)} disabled={busy}>
            <option value="member">Member</option>
            <option value="owner">Owner</option>
          </select>
        </div>
        <div className="invite-submit">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? "Creating…" : "Create invitation link"}
          </button>
        </div>
      </form>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div aria-live="polite">
        {created && (
          <NewInvitation
            invitation={created}
            onDone={() => {
              setCreated(undefined);
              emailRef.current?.focus();
            }}
          />
        )}
      </div>

      <h3 className="subheading">Pending invitations</h3>
      {list}

      {revoking && (
        <ConfirmDialog
          title={`Revoke the invitation for ${revoking.email}?`}
          confirmLabel="Revoke invitation"
          busyLabel="Revoking…"
          danger
          busy={revokeBusy}
          error={revokeError}
          onConfirm={() => void revoke()}
          onCancel={() => setRevoking(undefined)}
          fallbackFocus={() => emailRef.current}
        >
          <p>The link stops working. You can invite them again later.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
