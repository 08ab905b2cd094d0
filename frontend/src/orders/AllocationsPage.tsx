import { Fragment, useId, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { useApi } from "../api/ApiContext";
import type { ItemAllocation, StoreStock } from "../api/types";
import { useAlerts } from "../components/Alerts";
import { EmptyState, ErrorState, LoadingState } from "../components/States";
import { useTenant } from "../tenant/TenantContext";
import { useFetch } from "../utils/useFetch";
import { OrdersSubNav, formatQty } from "./labels";
import { SearchForm } from "./SearchForm";

const MISSING: Record<string, string> = {
  BRIDGE_OFFLINE: "Bridge offline",
  COUNTERPOINT_UNREACHABLE: "Counterpoint not answering",
  NOT_READ: "Not read",
  NO_LOCATIONS: "No locations chosen",
};

const qty = (v: number | string | null | undefined) => (v === null || v === undefined ? "—" : formatQty(v));
const cellText = (cell: string) => (!cell || cell === "*|*|*" ? "—" : cell.replace(/\|/g, " / "));

function StoreCells({ store }: { store: StoreStock }) {
  if (!store.sells) {
    return (
      <>
        <td>{store.storeName}</td>
        <td colSpan={4} className="muted">
          Not sold in this store
        </td>
      </>
    );
  }
  return (
    <>
      <td>{store.storeName}</td>
      <td>{store.counterpoint === "READ" ? qty(store.counterpointAvailable) : (MISSING[store.counterpoint] ?? store.counterpoint)}</td>
      <td>{store.safetyBuffer}</td>
      <td>{qty(store.webQuantity)}</td>
      <td>{store.lastSentQty === null ? "Not sent yet" : qty(store.lastSentQty)}</td>
    </>
  );
}

function AllocationTable({ rows }: { rows: ItemAllocation[] }) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Allocation per item">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Grid cell</th>
            <th scope="col">Held by web orders</th>
            <th scope="col">Store</th>
            <th scope="col">Available in Counterpoint</th>
            <th scope="col">Safety buffer</th>
            <th scope="col">Web quantity now</th>
            <th scope="col">Last sent to WooCommerce</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const stores = r.stores.length > 0 ? r.stores : [null];
            return (
              <Fragment key={`${r.itemNo}-${r.cell}`}>
                {stores.map((store, i) => (
                  <tr key={store?.siteId ?? "none"}>
                    {i === 0 && (
                      <>
                        <th scope="rowgroup" rowSpan={stores.length}>
                          {r.itemNo}
                        </th>
                        <td rowSpan={stores.length}>{cellText(r.cell)}</td>
                        <td rowSpan={stores.length}>
                          {qty(r.allocated)}
                          <span className="muted small"> ({r.openOrders} open {r.openOrders === 1 ? "order" : "orders"})</span>
                          {!r.counted && <span className="muted small"> — not subtracted while allocation is off</span>}
                        </td>
                      </>
                    )}
                    {store ? <StoreCells store={store} /> : <td colSpan={5} className="muted">No store sells it</td>}
                  </tr>
                ))}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function AllocationSwitch({ tenantId, isOwner }: { tenantId: string; isOwner: boolean }) {
  const api = useApi();
  const { addAlert, addError } = useAlerts();
  const settings = useFetch((signal) => api.allocations.settings(tenantId, { signal }), [api, tenantId]);
  const [busy, setBusy] = useState(false);
  const id = useId();
  if (!settings.data) {
    return settings.error ? (
      <ErrorState error={settings.error} title="Couldn't load the allocation setting" onRetry={settings.reload} />
    ) : (
      <LoadingState label="Loading the allocation setting…" />
    );
  }
  const enabled = settings.data.enabled;
  const change = async (next: boolean) => {
    setBusy(true);
    try {
      settings.setData(await api.allocations.updateSettings(tenantId, next));
      addAlert(next ? "Allocation is on: web orders hold their stock in every store." : "Allocation is off: web orders no longer hold stock.");
    } catch (e) {
      addError(e instanceof Error ? e.message : "Couldn't change the allocation setting.");
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="field">
      <label className="checkbox" htmlFor={id}>
        <input id={id} type="checkbox" checked={enabled} disabled={!isOwner || busy} aria-describedby={`${id}-hint`}
          onChange={(e) => void change(e.target.checked)} />
        Hold stock for web orders (allocation)
      </label>
      <p className="field-hint" id={`${id}-hint`}>
        {enabled
          ? "On: what a web order takes is subtracted in every store until Counterpoint posts its ticket, so no other store sells it twice."
          : "Off: stores show Counterpoint's available quantity minus the safety buffer only; two stores can sell the same last unit."}
        {!isOwner && " Only owners can change this."}
      </p>
    </div>
  );
}

/** What web orders hold of each item until Counterpoint posts them, and what each store gets. */
export default function AllocationsPage() {
  const { tenant } = useTenant();
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const itemNo = params.get("itemNo") ?? "";
  const { data, error, reload } = useFetch((signal) => api.allocations.list(tenant.id, itemNo || undefined, { signal }), [api, tenant.id, itemNo]);


  let body;
  if (data) {
    body =
      data.length === 0 ? (
        <EmptyState title={itemNo ? `Nothing held of ${itemNo}` : "Nothing is held"}>
          Web orders hold stock from the moment they arrive until Counterpoint posts their ticket.
        </EmptyState>
      ) : (
        <AllocationTable rows={data} />
      );
  } else if (error) {
    body = <ErrorState error={error} title="Couldn't load the allocation" onRetry={reload} />;
  } else {
    body = <LoadingState label="Loading allocation…" />;
  }

  return (
    <div className="stack-page">
      <div className="page-header">
        <h1>Allocation</h1>
        <p className="muted">
          Stock held by open web orders of every store, so no other store sells it twice. It is released when Counterpoint posts the ticket.
          Each store gets: available in Counterpoint at its locations − held by web orders − its safety buffer.
        </p>
      </div>
      <OrdersSubNav tenantId={tenant.id} />
      <section className="card" aria-labelledby="alloc-switch-heading">
        <h2 id="alloc-switch-heading">On or off</h2>
        <AllocationSwitch tenantId={tenant.id} isOwner={tenant.role === "owner"} />
      </section>
      <section className="card" aria-labelledby="alloc-list-heading">
        <h2 id="alloc-list-heading">Per item</h2>
        <div className="filters">
          <SearchForm label="Item number" value={itemNo} onSearch={(term) => setParams(term ? { itemNo: term } : {}, { replace: true })} />
        </div>
        {body}
      </section>
    </div>
  );
}
