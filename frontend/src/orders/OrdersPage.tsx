import { useId } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { useApi } from "../api/ApiContext";
import { ORDER_STATES, type OrderState } from "../api/types";
import { EmptyState, ErrorState, LoadingState } from "../components/States";
import { useTenant } from "../tenant/TenantContext";
import { formatDateTime } from "../utils/format";
import { useFetch } from "../utils/useFetch";
import { OrderStateBadge, OrdersSubNav, formatMoney, orderStateLabel } from "./labels";
import { toOrder } from "./routes/Orders";
import { SearchForm } from "./SearchForm";

/** The order ledger: every web order and where it is on its way to Counterpoint, filtered by state or searched. */
export default function OrdersPage() {
  const { tenant } = useTenant();
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const state = (params.get("state") ?? "") as OrderState | "";
  const q = params.get("q") ?? "";
  const stateId = useId();
  const { data, error, loading, reload } = useFetch(
    (signal) => api.orders.list(tenant.id, { state: state || undefined, q: q || undefined }, { signal }),
    [api, tenant.id, state, q],
  );

  const update = (next: { state?: string; q?: string }) => {
    const p = new URLSearchParams(params);
    Object.entries(next).forEach(([k, v]) => (v ? p.set(k, v) : p.delete(k)));
    setParams(p, { replace: true });
  };

  let body;
  if (data) {
    body =
      data.length === 0 ? (
        <EmptyState title={state || q ? "No orders match" : "No web orders yet"}>
          {state || q ? "Try another state or search." : "Orders appear here once a store's orders job has run."}
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="Orders">
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">State</th>
                <th scope="col">Customer</th>
                <th scope="col">Total</th>
                <th scope="col">Received</th>
              </tr>
            </thead>
            <tbody>
              {data.map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link to={toOrder({ tenantId: tenant.id, orderId: o.id })}>#{o.wooNumber}</Link>
                    {o.cpTicketNo && <div className="muted small">Ticket {o.cpTicketNo}</div>}
                    {o.cpReference && <div className="muted small">Reference {o.cpReference}</div>}
                  </td>
                  <td>
                    <OrderStateBadge state={o.state} />
                    {o.flag && <div className="small count-failed">{o.flag}</div>}
                    {o.state === "NEEDS_ATTENTION" && o.reason && <div className="small order-reason">{o.reason}</div>}
                  </td>
                  <td>
                    {o.customerEmail ?? "—"}
                    {o.custNo && <div className="muted small">Customer {o.custNo}</div>}
                  </td>
                  <td>{formatMoney(o.total)}</td>
                  <td>
                    <time dateTime={o.receivedAt}>{formatDateTime(o.receivedAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  } else if (error) {
    body = <ErrorState error={error} title="Couldn't load the orders" onRetry={reload} />;
  } else {
    body = <LoadingState label="Loading orders…" />;
  }

  return (
    <div className="stack-page">
      <div className="page-header">
        <h1>Orders</h1>
        <p className="muted">Web orders on their way to Counterpoint. Each is written once; the state says where it is.</p>
      </div>
      <OrdersSubNav tenantId={tenant.id} />
      <section className="card" aria-labelledby="orders-heading">
        <div className="section-head">
          <h2 id="orders-heading">Order ledger</h2>
          {data && loading && <span className="muted small">Refreshing…</span>}
        </div>
        <div className="filters">
          <div className="field field-inline">
            <label htmlFor={stateId}>State</label>
            <select id={stateId} value={state} onChange={(e) => update({ state: e.target.value })}>
              <option value="">All states</option>
              {ORDER_STATES.map((s) => (
                <option key={s} value={s}>
                  {orderStateLabel(s)}
                </option>
              ))}
            </select>
          </div>
          <SearchForm label="Search" value={q} placeholder="Order number, Counterpoint reference or email" onSearch={(term) => update({ q: term })} />
        </div>
        {body}
      </section>
    </div>
  );
}
