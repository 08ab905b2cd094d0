import { useEffect } from "react";
import { Link } from "react-router-dom";
import { useApi } from "../api/ApiContext";
import type { SupportSession, TenantWithRole } from "../api/types";
import { toActivity } from "../activity/routes/Activity";
import { useMe } from "../me/MeContext";
import { formatTime } from "../utils/format";
import { useFetch } from "../utils/useFetch";
import { EndForCompanyButton } from "./EndForCompanyButton";
import { isLive, isWritable, liveSessions } from "./staff";

const POLL_MS = 60_000;

function NoticeRow({ session, owner, onEnded }: { session: SupportSession; owner: boolean; onEnded: () => void }) {
  const writable = isWritable(session);
  return (
    <div className="company-support-notice-row">
      <p className="company-support-notice-text">
        <strong>Counterlink support ({session.staffEmail || session.staffSubject}) is in your company</strong> until{" "}
        <time dateTime={session.expiresAt}>{formatTime(session.expiresAt)}</time>. Reason: <em>{session.reason}</em>.{" "}
        {writable && session.elevatedUntil ? (
          <>
            <strong>Writes are open</strong> until <time dateTime={session.elevatedUntil}>{formatTime(session.elevatedUntil)}</time>{" "}
            (retrying or resolving orders, running jobs, repairing webhooks) for: <em>{session.elevatedReason}</em>.
          </>
        ) : (
          <>They can look but not change anything.</>
        )}{" "}
        {!owner && "An owner of the company can end the session."}
      </p>
      <div className="company-support-notice-actions">
        <Link className="btn btn-small" to={toActivity({ tenantId: session.tenantId })}>
          See what support did
        </Link>
        {owner && <EndForCompanyButton session={session} onEnded={onEnded} />}
      </div>
    </div>
  );
}

/**
 * Tells the company's own people, on every page of the company, that Counterlink support is in it right
 * now (read-only or with writes open), and lets an owner end the session. Checked once a minute.
 */
export function CompanySupportNotice({ tenant }: { tenant: TenantWithRole }) {
  const api = useApi();
  const { me } = useMe();
  // The staff member acting here has a banner of their own (and asking would be recorded as support access).
  const actingHere = liveSessions(me).some((s) => s.tenantId === tenant.id);
  const { data, reload } = useFetch(
    (signal) => (actingHere ? Promise.resolve([]) : api.support.sessionsOfTenant(tenant.id, { signal })),
    [api, tenant.id, actingHere],
  );
  useEffect(() => {
    if (actingHere) return;
    const timer = window.setInterval(reload, POLL_MS);
    return () => window.clearInterval(timer);
  }, [actingHere, reload]);

  const live = (data ?? []).filter((s) => isLive(s));
  if (actingHere || live.length === 0) return null;
  return (
    <section className="company-support-notice" role="status" aria-label="Counterlink support in your company" data-testid="company-support-notice">
      {live.map((s) => (
        <NoticeRow key={s.id} session={s} owner={tenant.role === "owner"} onEnded={reload} />
      ))}
    </section>
  );
}
