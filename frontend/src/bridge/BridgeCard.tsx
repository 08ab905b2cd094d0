import { useEffect } from "react";
import { Link } from "react-router-dom";
import { useApi } from "../api/ApiContext";
import { EmptyState, ErrorState, LoadingState } from "../components/States";
import { formatLatency, formatRelative } from "../utils/format";
import { useFetch } from "../utils/useFetch";
import { BridgeStatusBadge, isActive, sortBridges, waitsForCounterpoint } from "./BridgeStatus";
import { toBridge } from "./routes/Bridge";

const SHOWN = 3;

/**
 * The overview's Bridge card: "Not installed yet", or an online/offline summary with each bridge's last
 * contact, version and latency. A new `refreshKey` (the dashboard's refresh) loads it again.
 */
export function BridgeCard({ tenantId, refreshKey }: { tenantId: string; refreshKey?: string }) {
  const api = useApi();
  const { data, error, reload } = useFetch((signal) => api.bridges.list(tenantId, { signal }), [api, tenantId]);
  useEffect(() => {
    if (refreshKey) reload();
  }, [refreshKey, reload]);

  let body;
  if (data) {
    const active = sortBridges(data.filter(isActive));
    if (active.length === 0) {
      body = (
        <EmptyState title={data.length === 0 ? "Not installed yet" : "No active bridge"}>
          <p>The Counterlink bridge runs next to your Counterpoint server and connects it to Counterlink.</p>
          <p>
            <Link to={toBridge({ tenantId }, "#install")}>Install the bridge</Link>
          </p>
        </EmptyState>
      );
    } else {
      const online = active.filter((b) => b.online).length;
      const waiting = online > 0 && active.filter((b) => b.online).every(waitsForCounterpoint);
      const summary = waiting
        ? "The bridge is online, but Counterpoint is not answering on its server — waiting. Everything resumes by itself when it answers."
        : active.length === 1
          ? online === 1
            ? "Your bridge is online."
            : "Your bridge is offline."
          : online === active.length
            ? `All ${active.length} bridges are online.`
            : `${online} of ${active.length} bridges online.`;
      body = (
        <>
          <p className={online === active.length && !waiting ? "bridge-summary ok" : "bridge-summary warn"}>{summary}</p>
          <ul className="bridge-mini-list" aria-label="Active bridges">
            {active.slice(0, SHOWN).map((b) => (
              <li key={b.id}>
                <span className="bridge-mini-name">{b.name || "Unnamed bridge"}</span>
                <BridgeStatusBadge bridge={b} />
                <span className="bridge-mini-facts muted small">
                  {b.online && b.lastSeenAt ? `Last seen ${formatRelative(b.lastSeenAt)} · ` : ""}
                  Version {b.version ?? "unknown"} · latency {formatLatency(b.latencyMs)}
                </span>
              </li>
            ))}
          </ul>
          {active.length > SHOWN && <p className="muted small">and {active.length - SHOWN} more</p>}
          <p>
            <Link to={toBridge({ tenantId })}>View bridge details</Link>
          </p>
        </>
      );
    }
  } else if (error) {
    body = <ErrorState error={error} title="Couldn't load the bridge status" onRetry={reload} />;
  } else {
    body = <LoadingState label="Loading bridge status…" />;
  }

  return (
    <section className="card" aria-labelledby="bridge-heading">
      <h2 id="bridge-heading">Bridge</h2>
      {body}
    </section>
  );
}
