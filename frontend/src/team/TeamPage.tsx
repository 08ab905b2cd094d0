import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { useApi } from "../api/ApiContext";
import { errorMessage } from "../api/errors";
import type { Member } from "../api/types";
import { useAlerts } from "../components/Alerts";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { EmptyState, ErrorState, LoadingState } from "../components/States";
import { toLanding } from "../landing/routes/Landing";
import { useMe } from "../me/MeContext";
import { useTenant } from "../tenant/TenantContext";
import { formatDate, formatRole } from "../utils/format";
import { useFetch } from "../utils/useFetch";
import { InvitationsSection } from "./InvitationsSection";

const displayName = (m: Member) => m.name || m.email || m.subject;

interface RowProps {
  member: Member;
  isMe: boolean;
  canManage: boolean;
  onChanged: (m: Member) => void;
  onRemove: (m: Member) => void;
}

function MemberRow({ member, isMe, canManage, onChanged, onRemove }: RowProps) {
  const api = useApi();
  const { tenant, reload: reloadTenant } = useTenant();
  const { refresh: refreshMe } = useMe();
  const { addAlert } = useAlerts();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const name = displayName(member);
  const errorId = `member-${member.subject}-error`;

  const changeRole = async (role: string) => {
    if (role === member.role) return;
    setBusy(true);
    setError(undefined);
    try {
      const updated = await api.members.changeRole(tenant.id, member.subject, role);
      onChanged({ ...member, ...updated });
      addAlert(`${name} is now ${formatRole(role).toLowerCase() === "owner" ? "an owner" : "a member"}.`);
      if (isMe) {
        // My own role changed: the pages' owner controls follow the tenant's role.
        refreshMe();
        reloadTenant();
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="member">
      <span className="avatar" aria-hidden="true">
        {name.charAt(0).toUpperCase()}
      </span>
      <span className="member-main">
        <span className="member-name">
          {name}
          {isMe && <span className="muted"> (you)</span>}
        </span>
        {member.name && member.email && <span className="member-email">{member.email}</span>}
        <span className="muted small">
          Joined <time dateTime={member.joinedAt}>{formatDate(member.joinedAt)}</time>
        </span>
      </span>
      <span className="member-actions">
        {canManage ? (
          <>
            <label className="visually-hidden" htmlFor={`role-${member.subject}`}>
              Role of {name}
            </label>
            <select
              id={`role-${member.subject}`}
              value={member.role}
              disabled={busy}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              onChange={(e) => void changeRole(e.target.value)}
            >
              <option value="owner">Owner</option>
              <option value="member">Member</option>
            </select>
          </>
        ) : (
          <span className="badge">{formatRole(member.role)}</span>
        )}
        {isMe ? (
          <button type="button" className="btn btn-small btn-danger-outline" onClick={() => onRemove(member)}>
            Leave company
          </button>
        ) : (
          canManage && (
            <button
              type="button"
              className="btn btn-small btn-danger-outline"
              aria-label={`Remove ${name}`}
              onClick={() => onRemove(member)}
            >
              Remove
            </button>
          )
        )}
      </span>
      {error && (
        <p className="field-error member-error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

export default function TeamPage() {
  const { tenant } = useTenant();
  const { me } = useMe();
  const api = useApi();
  const navigate = useNavigate();
  const { addAlert } = useAlerts();
  const isOwner = tenant.role === "owner";
  const { data, error, reload, setData } = useFetch((signal) => api.members.list(tenant.id, { signal }), [api, tenant.id]);

  const [removing, setRemoving] = useState<Member>();
  const [removeBusy, setRemoveBusy] = useState(false);
  const [removeError, setRemoveError] = useState<string>();
  const leaving = removing?.subject === me.subject;

  const remove = async () => {
    if (!removing) return;
    setRemoveBusy(true);
    setRemoveError(undefined);
    try {
      await api.members.remove(tenant.id, removing.subject);
      setRemoving(undefined);
      if (leaving) {
        addAlert(`You left ${tenant.name}.`);
        navigate(toLanding(), { replace: true });
        return;
      }
      setData((data ?? []).filter((m) => m.subject !== removing.subject));
      addAlert(`${displayName(removing)} was removed from ${tenant.name}.`);
    } catch (e) {
      setRemoveError(errorMessage(e));
    } finally {
      setRemoveBusy(false);
    }
  };

  let list;
  if (data) {
    list =
      data.length === 0 ? (
        <EmptyState title="No members yet" />
      ) : (
        <ul className="member-list team-list" aria-label="Members">
          {data.map((m) => (
            <MemberRow
              key={m.subject}
              member={m}
              isMe={m.subject === me.subject}
              canManage={isOwner}
              onChanged={(u) => setData(data.map((x) => (x.subject === u.subject ? u : x)))}
              onRemove={(x) => {
                setRemoveError(undefined);
                setRemoving(x);
              }}
            />
          ))}
        </ul>
      );
  } else if (error) {
    list = <ErrorState error={error} title="Couldn't load the team" onRetry={reload} />;
  } else {
    list = <LoadingState label="Loading the team…" />;
  }

  return (
    <div className="stack-page">
      <div className="page-header">
        <h1>Team</h1>
        <p className="lead">The people who can see and manage {tenant.name} in Counterlink.</p>
      </div>
      <section className="card" aria-labelledby="members-heading">
        <h2 id="members-heading">Members</h2>
        {!isOwner && (
          <p className="note" data-testid="owner-only-note">
            Only an <strong>owner</strong> can invite people, change roles or remove members. You can leave the company.
          </p>
        )}
        {list}
      </section>
      {isOwner && <InvitationsSection tenantId={tenant.id} />}

      {removing && (
        <ConfirmDialog
          title={leaving ? `Leave ${tenant.name}?` : `Remove ${displayName(removing)}?`}
          confirmLabel={leaving ? "Leave company" : "Remove member"}
          busyLabel={leaving ? "Leaving…" : "Removing…"}
          danger
          busy={removeBusy}
          error={removeError}
          onConfirm={() => void remove()}
          onCancel={() => setRemoving(undefined)}
        >
          <p>
            {leaving
              ? "You lose access to this company right away. An owner can invite you again."
              : `${displayName(removing)} loses access to ${tenant.name} right away. You can invite them again later.`}
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
