import type { Me, SupportSession } from "../api/types";

/** Keycloak realm roles of Counterlink's own staff (see /api/me → roles). */
export const STAFF_ROLES = ["vendor-support", "vendor-admin"];

export const isStaff = (me: Me): boolean => (me.roles ?? []).some((r) => STAFF_ROLES.includes(r));

/** Not ended and not expired at `now`. */
export function isLive(session: SupportSession, now: number = Date.now()): boolean {
  if (session.endedAt) return false;
  const expires = new Date(session.expiresAt).getTime();
  return Number.isNaN(expires) || expires > now;
}

/** The signed-in staff member's live sessions, soonest to end first. */
export function liveSessions(me: Me, now: number = Date.now()): SupportSession[] {
  return (me.supportSessions ?? [])
    .filter((s) => isLive(s, now))
    .sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
}

// Company names for the banner: the console knows them when a session starts; otherwise the
// banner asks the API once (which the backend audits as a support access, so keep it rare).
const KEY = "counterlink.supportTenantNames";

function readNames(): Record<string, string> {
  try {
    return JSON.parse(window.sessionStorage.getItem(KEY) ?? "{}") as Record<string, string>;
  } catch {
    return {};
  }
}

export function rememberTenantName(tenantId: string, name: string): void {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify({ ...readNames(), [tenantId]: name }));
  } catch {
    /* storage unavailable: the banner fetches the name instead */
  }
}

export function knownTenantName(tenantId: string): string | undefined {
  return readNames()[tenantId];
}

/** Elevated for the support writes at `now` (live, and inside the elevation's own time limit). */
export function isWritable(session: SupportSession, now: number = Date.now()): boolean {
  if (!isLive(session, now) || !session.elevatedUntil) return false;
  return new Date(session.elevatedUntil).getTime() > now;
}
