import { Link } from "react-router-dom";
import { useApi } from "../api/ApiContext";
import { EmptyState, ErrorState, LoadingState } from "../components/States";
import { useFetch } from "../utils/useFetch";
import { StoreStatusBadge, isVisibleStore } from "./labels";
import { toStore, toStores } from "./routes/Stores";

const SHOWN = 3;

/** The overview's Stores card: "No stores linked yet", or the stores with their status. */
export function StoresCard({ tenantId, isOwner }: { tenantId: string; isOwner: boolean }) {
  const api = useApi();
  const { data, error, reload } = useFetch((signal) => api.stores.list(tenantId, { signal }), [api, tenantId]);

  let body;
  if (data) {
    const stores = data.filter(isVisibleStore);
    if (stores.length === 0) {
      body = (
        <EmptyState title="No stores linked yet">
          <p>Link a WooCommerce store to start syncing products, stock and orders.</p>
          <p>
            <Link to={toStores({ tenantId }, isOwner ? "#link" : undefined)}>
              {isOwner ? "Link a store" : "View stores"}
            </Link>
          </p>
        </EmptyState>
      );
    } else {
      const active = stores.filter((s) => s.status === "ACTIVE").length;
      body = (
        <>
          <p className={active === stores.length ? "bridge-summary ok" : "bridge-summary warn"}>
            {active === stores.length
              ? stores.length === 1
                ? "Your store is active."
                : `All ${stores.length} stores are active.`
              : `${active} of ${stores.length} ${stores.length === 1 ? "store" : "stores"} active.`}
          </p>
          <ul className="bridge-mini-list" aria-label="Linked stores">
            {stores.slice(0, SHOWN).map((s) => (
              <li key={s.id}>
                <Link className="bridge-mini-name" to={toStore({ tenantId, siteId: s.id })}>
                  {s.name || s.url}
                </Link>
                <StoreStatusBadge status={s.status} />
              </li>
            ))}
          </ul>
          {stores.length > SHOWN && <p className="muted small">and {stores.length - SHOWN} more</p>}
          <p>
            <Link to={toStores({ tenantId })}>View all stores</Link>
          </p>
        </>
      );
    }
  } else if (error) {
    body = <ErrorState error={error} title="Couldn't load your stores" onRetry={reload} />;
  } else {
    body = <LoadingState label="Loading stores…" />;
  }

  return (
    <section className="card" aria-labelledby="stores-heading">
      <h2 id="stores-heading">Stores</h2>
      {body}
    </section>
  );
}
