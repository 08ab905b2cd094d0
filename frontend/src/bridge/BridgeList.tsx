import type { Bridge } from "../api/types";
import { formatDate, formatLatency } from "../utils/format";
import { BridgeStatusBadge, isActive, sortBridges } from "./BridgeStatus";

export const bridgeHeadingId = (id: string) => `bridge-${id}-name`;

interface BridgeListProps {
  bridges: Bridge[];
  canRevoke: boolean;
  onRevoke: (bridge: Bridge) => void;
}

/** The company's bridges with status, version, latency and enrolled date. */
export function BridgeList({ bridges, canRevoke, onRevoke }: BridgeListProps) {
  return (
    <ul className="bridge-list" aria-label="Bridges">
      {sortBridges(bridges).map((b) => (
        <li key={b.id} className={isActive(b) ? "bridge" : "bridge bridge-revoked"}>
          <div className="bridge-head">
            <h3 className="bridge-name" id={bridgeHeadingId(b.id)} tabIndex={-1}>
              {b.name || "Unnamed bridge"}
            </h3>
            <BridgeStatusBadge bridge={b} />
          </div>
          <dl className="bridge-facts">
            <div>
              <dt>Version</dt>
              <dd>{b.version ?? "—"}</dd>
            </div>
            <div>
              <dt>Latency</dt>
              <dd>{isActive(b) && b.online ? formatLatency(b.latencyMs) : "—"}</dd>
            </div>
            <div>
              <dt>Enrolled</dt>
              <dd>
                <time dateTime={b.createdAt}>{formatDate(b.createdAt)}</time>
              </dd>
            </div>
          </dl>
          {canRevoke && isActive(b) && (
            <div className="bridge-actions">
              <button
                type="button"
                className="btn btn-small btn-danger-outline"
                aria-label={`Revoke ${b.name || "bridge"}`}
                onClick={() => onRevoke(b)}
              >
                Revoke
              </button>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
