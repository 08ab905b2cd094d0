import { useEffect, useState, type ReactNode } from "react";
import { Link, matchPath, useLocation, useNavigate } from "react-router-dom";
import { useApi } from "../api/ApiContext";
import { ApiError, errorMessage } from "../api/errors";
import type { SupportSession } from "../api/types";
import { useAlerts } from "../components/Alerts";
import { useMe } from "../me/MeContext";
import { TENANT_PATH, toTenantOverview } from "../tenant/routes/TenantOverview";
import { formatTime } from "../utils/format";
import { useFetch } from "../utils/useFetch";
import { toSupportConsole } from "./routes/SupportConsole";
import { ElevateDialog } from "./ElevateDialog";
import { isWritable, knownTenantName, liveSessions, rememberTenantName } from "./staff";

/** The company's name: remembered from the console, else asked once (works during the session). */
function useTenantName(tenantId: string): string | undefined {
  const api = useApi();
  const known = knownTenantName(tenantId);
  const { data } = useFetch(
    (signal) => (known ? Promise.resolve(known) : api.tenants.get(tenantId, { signal }).then((t) => t.name)),
    [api, tenantId, known],
  );
  useEffect(() => {
    if (data && !known) rememberTenantName(tenantId, data);
  }, [data, known, tenantId]);
  return known ?? data;
}

interface BarProps {
  session: SupportSession;
  /** The page shows the company this session acts as. */
  here: boolean;
  busy: boolean;
  now: number;
  onEnd: () => void;
  onChanged: (session: SupportSession) => void;
}

function SessionBar({ session, here, busy, now, onEnd, onChanged }: BarProps) {
  const api = useApi();
  const { addError } = useAlerts();
  const name = useTenantName(session.tenantId);
  const company = name ?? session.tenantId;
  const writable = isWritable(session, now);
  const [elevating, setElevating] = useState(false);
  const [lowering, setLowering] = useState(false);

  const lower = async () => {
    setLowering(true);
    try {
      onChanged(await api.support.lower(session.tenantId, session.id));
    } catch (e) {
      addError(`Couldn't go back to read-only: ${errorMessage(e)}`);
    } finally {
      setLowering(false);
    }
  };

  return (
    <div
      className={here ? "support-banner support-banner-here" : "support-banner"}
      role="status"
      data-testid="support-banner"
      data-acting-here={here ? "true" : "false"}
    >
      <div className="support-banner-text">
        <p className="support-banner-main">
          {here && (
            <span className="support-banner-tag" aria-hidden="true">
              Support mode
            </span>
          )}
          <strong>Support session:</strong> acting as <strong className="support-banner-company">{company}</strong>
          <span aria-hidden="true"> — </span>
          <span className="visually-hidden">, reason: </span>
          <span className="support-banner-reason" title={session.reason}>
            {session.reason}
          </span>
          <span aria-hidden="true"> — </span>
          <span className="visually-hidden">, </span>
          ends at <time dateTime={session.expiresAt}>{formatTime(session.expiresAt)}</time>
          <span aria-hidden="true"> — </span>
          <span className="visually-hidden">, </span>
          {writable && session.elevatedUntil ? (
            <strong className="support-banner-mode" data-testid="support-mode">
              writes open until <time dateTime={session.elevatedUntil}>{formatTime(session.elevatedUntil)}</time>
            </strong>
          ) : (
            <strong className="support-banner-mode" data-testid="support-mode">
              read-only
            </strong>
          )}
        </p>
        {here && (
          <p className="support-banner-warning">
            You are not a member of {company}. You see what its owners see;{" "}
            {writable
              ? `you may retry or resolve orders, run jobs, repair webhooks, retry items and test connections (${session.elevatedReason ?? ""}).`
              : "you change nothing unless you elevate the session for writes, with a reason."}{" "}
            Team, invitations, store keys and addresses, bridges and settings stay the company's alone. Everything you do is
            recorded and shown to the company.
          </p>
        )}
      </div>
      <div className="support-banner-actions">
        {!here && (
          <Link className="btn btn-small support-banner-btn" to={toTenantOverview({ tenantId: session.tenantId })}>
            Open company<span className="visually-hidden">: {company}</span>
          </Link>
        )}
        {here && !writable && (
          <button type="button" className="btn btn-small support-banner-btn" onClick={() => setElevating(true)} disabled={busy}>
            Elevate for writes
          </button>
        )}
        {here && writable && (
          <button type="button" className="btn btn-small support-banner-btn" onClick={() => void lower()} disabled={busy || lowering}>
            {lowering ? "Closing writes…" : "Back to read-only"}
          </button>
        )}
        <button type="button" className="btn btn-small support-banner-btn" onClick={onEnd} disabled={busy}>
          {busy ? "Ending…" : "End session"}
        </button>
      </div>
      {elevating && (
        <ElevateDialog
          session={session}
          company={company}
          onCancel={() => setElevating(false)}
          onElevated={(elevated) => {
            setElevating(false);
            onChanged(elevated);
          }}
        />
      )}
    </div>
  );
}

/**
 * Shown on every signed-in page while the staff member has a live support session (from /api/me).
 * On the company they act as it is loud, and the whole page gets a frame (see `support-frame`).
 */
export function SupportBanner({ children }: { children: ReactNode }) {
  const api = useApi();
  const { me, refresh } = useMe();
  const { addAlert, addError } = useAlerts();
  const navigate = useNavigate();
  const location = useLocation();
  const [now, setNow] = useState(() => Date.now());
  const [ended, setEnded] = useState<string[]>([]);
  const [ending, setEnding] = useState<string>();
  const [changed, setChanged] = useState<Record<string, SupportSession>>({});

  const sessions = liveSessions(me, now)
    .filter((s) => !ended.includes(s.id))
    .map((s) => (changed[s.id] && (changed[s.id].elevatedAt ?? "") >= (s.elevatedAt ?? "") ? changed[s.id] : s));
  const currentTenant = matchPath({ path: TENANT_PATH, end: false }, location.pathname)?.params.tenantId;
  const actingHere = !!currentTenant && sessions.some((s) => s.tenantId === currentTenant);

  // Re-render when the next session or elevation expires, and ask the server again then.
  const nextExpiry = sessions
    .flatMap((s) => [s.expiresAt, ...(s.elevatedUntil && isWritable(s, now) ? [s.elevatedUntil] : [])])
    .map((t) => new Date(t).getTime())
    .filter((t) => !Number.isNaN(t))
    .reduce<number | undefined>((a, b) => (a === undefined || b < a ? b : a), undefined);
  useEffect(() => {
    if (nextExpiry === undefined) return;
    const delay = Math.min(Math.max(nextExpiry - Date.now() + 500, 0), 2 ** 31 - 1);
    const timer = window.setTimeout(() => {
      setNow(Date.now());
      refresh();
    }, delay);
    return () => window.clearTimeout(timer);
  }, [nextExpiry, refresh]);

  const end = async (session: SupportSession) => {
    setEnding(session.id);
    try {
      await api.support.endSession(session.tenantId, session.id);
    } catch (e) {
      // Already gone on the server (ended elsewhere or expired): treat it as ended.
      if (!(e instanceof ApiError && (e.status === 404 || e.status === 409))) {
        setEnding(undefined);
        addError(`Couldn't end the support session: ${errorMessage(e)}`);
        return;
      }
    }
    setEnding(undefined);
    setEnded((x) => [...x, session.id]);
    refresh();
    addAlert("Support session ended.");
    navigate(toSupportConsole());
  };

  // Always the same wrapper, so that the page below keeps its state when a session starts or ends.
  const cls = sessions.length === 0 ? undefined : actingHere ? "has-support-banner support-frame" : "has-support-banner";
  return (
    <div className={cls}>
      {sessions.length > 0 && (
        <div className="support-banners">
          {sessions.map((s) => (
            <SessionBar
              key={s.id}
              session={s}
              here={s.tenantId === currentTenant}
              busy={ending === s.id}
              now={now}
              onEnd={() => void end(s)}
              onChanged={(updated) => {
                setChanged((x) => ({ ...x, [updated.id]: updated }));
                setNow(Date.now());
                refresh();
              }}
            />
          ))}
        </div>
      )}
      {children}
    </div>
  );
}
