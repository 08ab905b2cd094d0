import { useId, useState } from "react";
import { useApi } from "../api/ApiContext";
import type { AuditEvent, SupportSession } from "../api/types";
import { EmptyState, ErrorState, LoadingState } from "../components/States";
import { useMe } from "../me/MeContext";
import { EndForCompanyButton } from "../support/EndForCompanyButton";
import { isLive, isWritable, liveSessions } from "../support/staff";
import { useTenant } from "../tenant/TenantContext";
import { formatDateTime, formatTime } from "../utils/format";
import { useFetch } from "../utils/useFetch";
import { actionLabel, detailText, targetLabel, targetName } from "./labels";

const staffName = (s: SupportSession) => s.staffEmail || s.staffSubject;

function SessionItem({ session, canEnd, onEnded }: { session: SupportSession; canEnd: boolean; onEnded: () => void }) {
  const live = isLive(session);
  const expired = !session.endedAt && !live;
  const endedByCompany = !!session.endedAt && !!session.endedBy && session.endedBy !== session.staffSubject;
  return (
    <li className={live ? "support-session support-session-live" : "support-session"}>
      <div className="support-session-head">
        <span className="support-mark">Counterlink support: {staffName(session)}</span>
        {live ? (
          <span className="status status-warn">
            Active now, until <time dateTime={session.expiresAt}>{formatTime(session.expiresAt)}</time>
          </span>
        ) : (
          <span className="status status-neutral">
            {session.endedAt ? (endedByCompany ? "Ended by your company" : "Ended") : "Expired"}
          </span>
        )}
        {live && (
          <span className={isWritable(session) ? "status status-bad" : "status status-neutral"}>
            {isWritable(session) && session.elevatedUntil ? (
              <>
                Writes open until <time dateTime={session.elevatedUntil}>{formatTime(session.elevatedUntil)}</time>
              </>
            ) : (
              "Read-only"
            )}
          </span>
        )}
        {live && canEnd && <EndForCompanyButton session={session} onEnded={onEnded} />}
      </div>
      <p className="support-session-reason">
        <span className="muted">Reason: </span>
        {session.reason}
      </p>
      {session.elevatedReason && session.elevatedAt && (
        <p className="support-session-reason">
          <span className="muted">Elevated for writes at </span>
          <time dateTime={session.elevatedAt}>{formatTime(session.elevatedAt)}</time>
          <span className="muted">: </span>
          {session.elevatedReason}
        </p>
      )}
      <p className="muted small">
        Started <time dateTime={session.startedAt}>{formatDateTime(session.startedAt)}</time>
        {" · "}
        {session.endedAt ? (
          <>
            ended <time dateTime={session.endedAt}>{formatDateTime(session.endedAt)}</time>
          </>
        ) : (
          <>
            {expired ? "expired" : "until"} <time dateTime={session.expiresAt}>{formatDateTime(session.expiresAt)}</time>
          </>
        )}
      </p>
    </li>
  );
}

function SupportSessions({ tenantId, canEnd }: { tenantId: string; canEnd: boolean }) {
  const api = useApi();
  const { data, error, reload } = useFetch((signal) => api.support.sessionsOfTenant(tenantId, { signal }), [api, tenantId]);
  if (error) return <ErrorState error={error} title="Couldn't load the support sessions" onRetry={reload} />;
  if (!data) return <LoadingState label="Loading support sessions…" />;
  if (data.length === 0) {
    return (
      <EmptyState title="No support sessions">
        <p>Counterlink support has not acted in your company. If they ever do, the session and its reason appear here.</p>
      </EmptyState>
    );
  }
  return (
    <ul className="support-sessions" aria-label="Support sessions">
      {data.map((s) => (
        <SessionItem key={s.id} session={s} canEnd={canEnd} onEnded={reload} />
      ))}
    </ul>
  );
}

function Who({ event }: { event: AuditEvent }) {
  const actor = event.actorEmail || event.actorSubject;
  if (event.onBehalfOf) {
    return (
      <>
        <span className="support-mark">Counterlink support: {event.onBehalfOf}</span>
        {actor && <span className="muted small audit-actor">{actor}</span>}
      </>
    );
  }
  return <span className="audit-actor-name">{actor}</span>;
}

type Row = { kind: "event"; event: AuditEvent } | { kind: "access"; events: AuditEvent[] };

/** Support's request-by-request records ("support.access"), one after the other in one session, become one row. */
function groupAccesses(events: AuditEvent[]): Row[] {
  const rows: Row[] = [];
  for (const e of events) {
    const last = rows[rows.length - 1];
    if (e.action === "support.access" && last?.kind === "access" && last.events[0].onBehalfOf === e.onBehalfOf) {
      last.events.push(e);
    } else if (e.action === "support.access") {
      rows.push({ kind: "access", events: [e] });
    } else {
      rows.push({ kind: "event", event: e });
    }
  }
  return rows;
}

function EventRow({ event: e }: { event: AuditEvent }) {
  const detail = detailText(e);
  const name = targetName(e);
  return (
    <tr className={e.onBehalfOf ? "audit-support" : undefined}>
      <td data-label="Time">
        <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt)}</time>
      </td>
      <td data-label="Who">
        <Who event={e} />
      </td>
      <td data-label="What">
        <span className="audit-action">{actionLabel(e.action)}</span>
        {detail && <span className="muted small audit-detail">{detail}</span>}
      </td>
      <td data-label="Target">
        {e.targetType ? (
          <>
            {targetLabel(e.targetType)}
            {name ? `: ${name}` : ""}
          </>
        ) : (
          "—"
        )}
      </td>
    </tr>
  );
}

/** Newest first: `events[0]` is the latest request of the run. */
function AccessRow({ events }: { events: AuditEvent[] }) {
  const latest = events[0];
  const first = events[events.length - 1];
  if (events.length === 1) return <EventRow event={latest} />;
  return (
    <tr className={latest.onBehalfOf ? "audit-support" : undefined}>
      <td data-label="Time">
        <time dateTime={first.occurredAt}>{formatDateTime(first.occurredAt)}</time> –{" "}
        <time dateTime={latest.occurredAt}>{formatTime(latest.occurredAt)}</time>
      </td>
      <td data-label="Who">
        <Who event={latest} />
      </td>
      <td data-label="What">
        <span className="audit-action">
          {actionLabel(latest.action)} ({events.length} requests)
        </span>
        <details className="audit-requests">
          <summary>Show the requests</summary>
          <ul>
            {events.map((e) => (
              <li key={e.id}>
                <time dateTime={e.occurredAt}>{formatTime(e.occurredAt)}</time> {detailText(e)}
              </li>
            ))}
          </ul>
        </details>
      </td>
      <td data-label="Target">{targetLabel(latest.targetType) || "—"}</td>
    </tr>
  );
}

function AuditLog({ tenantId }: { tenantId: string }) {
  const api = useApi();
  const { data, error, reload } = useFetch((signal) => api.audit.list(tenantId, { signal }), [api, tenantId]);
  const [filter, setFilter] = useState<"all" | "support">("all");
  const filterId = useId();
  if (error) return <ErrorState error={error} title="Couldn't load the activity" onRetry={reload} />;
  if (!data) return <LoadingState label="Loading activity…" />;
  if (data.length === 0) {
    return (
      <EmptyState title="No activity yet">
        <p>Changes to your company, its stores, bridge and team appear here.</p>
      </EmptyState>
    );
  }
  const supportCount = data.filter((e) => e.onBehalfOf).length;
  const shown = filter === "support" ? data.filter((e) => e.onBehalfOf) : data;
  return (
    <>
      <div className="field field-inline">
        <label htmlFor={filterId}>Show</label>
        <select id={filterId} value={filter} onChange={(e) => setFilter(e.target.value as "all" | "support")}>
          <option value="all">All activity ({data.length})</option>
          <option value="support">Only Counterlink support ({supportCount})</option>
        </select>
      </div>
      {shown.length === 0 ? (
        <EmptyState title="Counterlink support has done nothing in your company" />
      ) : (
        <div className="table-wrap">
          <table className="table audit-table" aria-label="Activity log">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Target</th>
              </tr>
            </thead>
            <tbody>
              {groupAccesses(shown).map((row) => (row.kind === "event" ? <EventRow key={row.event.id} event={row.event} /> : <AccessRow key={row.events[0].id} events={row.events} />))}
            </tbody>
          </table>
        </div>
      )}
      {data.length >= 200 && <p className="muted small card-foot">The latest 200 entries.</p>}
    </>
  );
}

export default function ActivityPage() {
  const { tenant } = useTenant();
  const { me } = useMe();
  // Owners end sessions; the staff member acting here sees an owner's view but ends from their own banner.
  const canEnd = tenant.role === "owner" && !liveSessions(me).some((s) => s.tenantId === tenant.id);
  return (
    <div className="stack-page">
      <div className="page-header">
        <h1>Activity</h1>
        <p className="lead">
          What happened in {tenant.name}: changes by your team, and everything Counterlink support did while acting in your
          company.
        </p>
      </div>
      <section className="card" aria-labelledby="support-sessions-heading">
        <h2 id="support-sessions-heading">Support sessions</h2>
        <p className="muted">
          Counterlink support can act in your company only with a reason and for a limited time, and only to look: changes
          need a second reason and are limited to retrying orders, running jobs and repairing webhooks. They can never
          change your team, invitations, store keys or bridges. Each session is listed here
          {tenant.role === "owner" ? "; end one at any time with End session." : "; an owner can end one at any time."}
        </p>
        <SupportSessions tenantId={tenant.id} canEnd={canEnd} />
      </section>
      <section className="card" aria-labelledby="audit-heading">
        <h2 id="audit-heading">Activity log</h2>
        <AuditLog tenantId={tenant.id} />
      </section>
    </div>
  );
}
