import type { Membership } from "../api/types";

const KEY = "counterlink.lastTenantId";

export function getLastTenantId(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function setLastTenantId(tenantId: string): void {
  try {
    window.localStorage.setItem(KEY, tenantId);
  } catch {
    /* storage unavailable (private mode): not fatal */
  }
}

/** The membership to open: the last one chosen if still valid, else the first. */
export function pickTenant(memberships: Membership[]): Membership | undefined {
  if (memberships.length === 0) return undefined;
  const last = getLastTenantId();
  return memberships.find((m) => m.tenantId === last) ?? memberships[0];
}
