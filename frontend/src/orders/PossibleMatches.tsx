import { Link } from "react-router-dom";
import { useApi } from "../api/ApiContext";
import { ApiError } from "../api/errors";
import type { CustomerIdentity, WebCustomer } from "../api/types";
import { toBridge } from "../bridge/routes/Bridge";
import { EmptyState, ErrorState, LoadingState } from "../components/States";
import { useTenant } from "../tenant/TenantContext";
import { useFetch } from "../utils/useFetch";

function describe(web: WebCustomer): string {
  const name = [web.firstName, web.lastName].filter(Boolean).join(" ");
  return [name, web.email, web.phone, web.zip].filter(Boolean).join(" · ");
}

const isBridgeOffline = (e: unknown) => e instanceof ApiError && e.problem.code === "BRIDGE_OFFLINE";

/**
 * Counterpoint customers that may be this web customer, best first, each with its percentage and
 * reasons. With `onChoose` (owners) a match can be chosen; members only see them.
 */
export function PossibleMatches({ identity, chosen, onChoose }: { identity: CustomerIdentity; chosen?: string; onChoose?: (custNo: string) => void }) {
  const api = useApi();
  const { tenant } = useTenant();
  const headingId = `matches-${identity.id}`;
  const { data, error, reload } = useFetch((signal) => api.customers.matches(tenant.id, identity.id, { signal }), [api, tenant.id, identity.id]);

  let body;
  if (data) {
    body =
      data.matches.length === 0 ? (
        <EmptyState title="No customer in Counterpoint shares this email, phone or name and postal code">
          Type a customer number if you know it.
        </EmptyState>
      ) : (
        <ul className="match-list" aria-labelledby={headingId}>
          {data.matches.map((m) => (
            <li key={m.custNo} className={`match${m.custNo === chosen ? " match-chosen" : ""}`}>
              <span className="match-percent" aria-label={`${m.percent} % likely`}>
                {m.percent}%
              </span>
              <div className="match-person">
                <span className="match-name">
                  {m.name ?? "(no name)"} <span className="badge">{m.custNo}</span>
                  {m.linked && <span className="badge badge-linked">Linked now</span>}
                </span>
                <span className="muted small">{[m.email, m.phone, m.city].filter(Boolean).join(" · ") || "No email, phone or city"}</span>
                <span className="match-reasons small">{m.reasons.join(", ")}</span>
              </div>
              {onChoose && (
                <button
                  type="button"
                  className="btn btn-small"
                  aria-pressed={m.custNo === chosen}
                  aria-label={`Choose ${m.name ?? m.custNo} (${m.custNo})`}
                  onClick={() => onChoose(m.custNo)}
                >
                  {m.custNo === chosen ? "Chosen" : "Choose"}
                </button>
              )}
            </li>
          ))}
        </ul>
      );
  } else if (error) {
    body = isBridgeOffline(error) ? (
      <ErrorState error={error} title="Counterpoint can't be searched right now" onRetry={reload}>
        <Link className="btn" to={toBridge({ tenantId: tenant.id })}>
          Check the bridge
        </Link>
      </ErrorState>
    ) : (
      <ErrorState error={error} title="Couldn't look for matches" onRetry={reload} />
    );
  } else {
    body = <LoadingState label="Looking for matches in Counterpoint…" />;
  }

  return (
    <section className="possible-matches" aria-labelledby={headingId}>
      <h3 id={headingId}>Possible matches in Counterpoint</h3>
      {data && (
        <p className="muted small">
          Compared with {describe(data.webCustomer) || identity.email || identity.identityKey} (the latest order's billing address). Orders
          link by themselves only on the exact email; these are suggestions for you to decide.
        </p>
      )}
      {body}
    </section>
  );
}
