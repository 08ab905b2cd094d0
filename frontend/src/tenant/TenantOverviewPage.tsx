import { Link } from "react-router-dom";
import { useApi } from "../api/ApiContext";
import { DashboardView } from "../dashboard/Dashboard";
import { toTeam } from "../team/routes/Team";
import { EmptyState, ErrorState, LoadingState } from "../components/States";
import { formatDate, formatRole } from "../utils/format";
import { useFetch } from "../utils/useFetch";
import { useTenant } from "./TenantContext";

function Members({ tenantId }: { tenantId: string }) {
  const api = useApi();
  const { data, error, loading, reload } = useFetch(
    (signal) => api.tenants.members(tenantId, { signal }),
    [api, tenantId],
  );
  if (error) return <ErrorState error={error} title="Couldn't load members" onRetry={reload} />;
  if (loading || !data) return <LoadingState label="Loading members…" />;
  if (data.length === 0) return <EmptyState title="No members yet" />;
  return (
    <ul className="member-list" aria-label="Members">
      {data.map((m) => (
        <li key={m.subject} className="member">
          <span className="avatar" aria-hidden="true">
            {(m.name || m.email || "?").charAt(0).toUpperCase()}
          </span>
          <span className="member-main">
            <span className="member-name">{m.name || m.email || m.subject}</span>
            {m.name && m.email && <span className="member-email">{m.email}</span>}
          </span>
          <span className="member-meta">
            <span className="badge">{formatRole(m.role)}</span>
            <span className="muted">
              Joined <time dateTime={m.joinedAt}>{formatDate(m.joinedAt)}</time>
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}

export default function TenantOverviewPage() {
  const { tenant } = useTenant();
  return (
    <div className="overview">
      <div className="page-header">
        <h1>{tenant.name}</h1>
        <dl className="facts">
          <div>
            <dt>Your role</dt>
            <dd>{formatRole(tenant.role)}</dd>
          </div>
          <div>
            <dt>Created</dt>
            <dd>
              <time dateTime={tenant.createdAt}>{formatDate(tenant.createdAt)}</time>
            </dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd>{tenant.status === "ACTIVE" ? "Active" : tenant.status}</dd>
          </div>
        </dl>
      </div>

      <DashboardView tenantId={tenant.id} isOwner={tenant.role === "owner"} />

      <div className="grid">
        <section className="card card-wide" aria-labelledby="members-heading">
          <h2 id="members-heading">Members</h2>
          <Members tenantId={tenant.id} />
          <p className="card-foot">
            <Link to={toTeam({ tenantId: tenant.id })}>{tenant.role === "owner" ? "Manage the team" : "View the team"}</Link>
          </p>
        </section>
      </div>
    </div>
  );
}
