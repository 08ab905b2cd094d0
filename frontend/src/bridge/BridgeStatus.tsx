import type { Bridge } from "../api/types";
import { formatDate, formatRelative } from "../utils/format";

export const isActive = (b: Bridge) => b.status !== "REVOKED";

/** Active bridges first (online before offline), then revoked; newest first within each. */
export function sortBridges(bridges: Bridge[]): Bridge[] {
  const rank = (b: Bridge) => (!isActive(b) ? 2 : b.online ? 0 : 1);
  return [...bridges].sort((a, b) => rank(a) - rank(b) || b.createdAt.localeCompare(a.createdAt));
}

/** Online, but Counterpoint's database does not answer it: everything that needs Counterpoint waits. */
export const waitsForCounterpoint = (b: Bridge) => isActive(b) && b.online && b.counterpointReachable === false;

/** "Counterpoint is not answering on the bridge's server — waiting", since when. */
export function CounterpointWaiting({ bridge }: { bridge: Bridge }) {
  return (
    <span className="status status-warn" data-testid="counterpoint-unreachable">
      Counterpoint is not answering on the bridge's server — waiting
      {bridge.counterpointUnreachableSince && (
        <>
          {" "}
          (since <time dateTime={bridge.counterpointUnreachableSince}>{formatRelative(bridge.counterpointUnreachableSince)}</time>)
        </>
      )}
    </span>
  );
}

/**
 * "Online" (green), with "Counterpoint is not answering … — waiting" when its Counterpoint does not answer,
 * "Offline · last seen 5 minutes ago" (grey) or "Revoked".
 */
export function BridgeStatusBadge({ bridge }: { bridge: Bridge }) {
  if (!isActive(bridge)) {
    return (
      <span className="bridge-status">
        <span className="status status-revoked">Revoked</span>
        {bridge.revokedAt && (
          <span className="muted">
            on <time dateTime={bridge.revokedAt}>{formatDate(bridge.revokedAt)}</time>
          </span>
        )}
      </span>
    );
  }
  if (bridge.online) {
    return (
      <span className="bridge-status">
        <span className="status status-online">
          <span className="dot" aria-hidden="true" />
          Online
        </span>
        {waitsForCounterpoint(bridge) && <CounterpointWaiting bridge={bridge} />}
      </span>
    );
  }
  return (
    <span className="bridge-status">
      <span className="status status-offline">
        <span className="dot" aria-hidden="true" />
        Offline
      </span>
      <span className="muted">
        {bridge.lastSeenAt ? (
          <>
            last seen <time dateTime={bridge.lastSeenAt}>{formatRelative(bridge.lastSeenAt)}</time>
          </>
        ) : (
          "has not connected yet"
        )}
      </span>
    </span>
  );
}
