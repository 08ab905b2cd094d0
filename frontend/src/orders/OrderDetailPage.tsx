import { useRef, useState, type FormEvent } from "react";
import { Link, useParams } from "react-router-dom";
import { useApi } from "../api/ApiContext";
import { ApiError, errorMessage, isNotFound } from "../api/errors";
import type { OrderDetail } from "../api/types";
import { useAlerts } from "../components/Alerts";
import { TextAreaField } from "../components/Field";
import { EmptyState, ErrorState, LoadingState } from "../components/States";
import { toStore } from "../stores/routes/Stores";
import { useTenant } from "../tenant/TenantContext";
import { formatDateTime } from "../utils/format";
import { useFetch } from "../utils/useFetch";
import { OrderStateBadge, formatMoney, formatQty, orderStateLabel, orderStateMeaning } from "./labels";
import { toAllocations, toOrders } from "./routes/Orders";

function ResolveForm({ detail, onDone }: { detail: OrderDetail; onDone: (d: OrderDetail) => void }) {
  const api = useApi();
  const { tenant } = useTenant();
  const { addAlert } = useAlerts();
  const [note, setNote] = useState("");
  const [error, setError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(undefined);
    if (!note.trim()) {
      setError("Say what was done in Counterpoint, e.g. “Entered by hand as ticket 1042”.");
      ref.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const d = await api.orders.resolve(tenant.id, detail.order.id, note.trim());
      addAlert(`Order #${d.order.wooNumber} resolved.`);
      setNote("");
      setError(undefined);
      onDone(d);
    } catch (err) {
      if (err instanceof ApiError && err.fieldErrors.note) {
        setError(err.fieldErrors.note);
        ref.current?.focus();
      } else {
        setFormError(errorMessage(err));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form stack" onSubmit={submit} noValidate aria-label="Resolve the order">
      <TextAreaField
        ref={ref}
        label="What was done in Counterpoint"
        hint="Required, up to 500 characters. It is kept with the order and in the activity log."
        value={note}
        maxLength={500}
        rows={3}
        error={error}
        disabled={busy}
        onChange={(e) => {
          setNote(e.target.value);
          if (error) setError(undefined);
        }}
      />
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? "Resolving…" : "Resolve with this note"}
        </button>
      </div>
    </form>
  );
}

export default function OrderDetailPage() {
  const { tenant } = useTenant();
  const { orderId = "" } = useParams();
  const api = useApi();
  const { addAlert } = useAlerts();
  const isOwner = tenant.role === "owner";
  const { data, error, reload, setData } = useFetch((signal) => api.orders.get(tenant.id, orderId, { signal }), [api, tenant.id, orderId]);
  const [retrying, setRetrying] = useState(false);
  const [retryError, setRetryError] = useState<string>();
  const headingRef = useRef<HTMLHeadingElement>(null);

  if (!data) {
    if (isNotFound(error)) {
      return (
        <ErrorState error={error} title="Order not found" message="It may belong to another company or a removed store.">
          <Link className="btn" to={toOrders({ tenantId: tenant.id })}>
            Back to the orders
          </Link>
        </ErrorState>
      );
    }
    if (error) return <ErrorState error={error} title="Couldn't load the order" onRetry={reload} />;
    return <LoadingState label="Loading order…" />;
  }

  const { order } = data;
  const needsAttention = order.state === "NEEDS_ATTENTION";
  const retry = async () => {
    setRetrying(true);
    setRetryError(undefined);
    try {
      const d = await api.orders.retry(tenant.id, order.id);
      setData(d);
      addAlert(`Order #${order.wooNumber} goes back to be written; the orders job runs now.`, "info");
      window.setTimeout(reload, 5000);
    } catch (e) {
      setRetryError(errorMessage(e));
    } finally {
      setRetrying(false);
    }
  };

  return (
    <div className="stack-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={toOrders({ tenantId: tenant.id })}>Orders</Link> <span aria-hidden="true">/</span>{" "}
        <span aria-current="page">#{order.wooNumber}</span>
      </nav>
      <div className="page-header">
        <div className="title-row">
          <h1 ref={headingRef} tabIndex={-1}>
            Order #{order.wooNumber}
          </h1>
          <OrderStateBadge state={order.state} />
        </div>
        <p className="muted">{orderStateMeaning(order.state)}</p>
        <dl className="facts">
          <div>
            <dt>Total</dt>
            <dd>{formatMoney(order.total, data.currency)}</dd>
          </div>
          <div>
            <dt>Customer</dt>
            <dd>
              {order.customerEmail ?? "—"}
              {order.custNo ? ` (${order.custNo})` : ""}
            </dd>
          </div>
          <div>
            <dt>WooCommerce status</dt>
            <dd>{order.wooStatus}</dd>
          </div>
          <div>
            <dt>Counterpoint ticket</dt>
            <dd>{order.cpTicketNo ?? "Not written yet"}</dd>
          </div>
          {order.cpReference && (
            <div>
              <dt>Counterpoint reference</dt>
              <dd>{order.cpReference}</dd>
            </div>
          )}
          <div>
            <dt>Received</dt>
            <dd>
              <time dateTime={order.receivedAt}>{formatDateTime(order.receivedAt)}</time>
            </dd>
          </div>
          <div>
            <dt>Store</dt>
            <dd>
              <Link to={toStore({ tenantId: tenant.id, siteId: order.siteId })}>Open the store</Link>
            </dd>
          </div>
        </dl>
      </div>

      {(needsAttention || order.flag) && (
        <section className={needsAttention ? "notice notice-bad" : "notice notice-warn"} aria-labelledby="attention-heading">
          <h2 className="notice-title" id="attention-heading">
            {needsAttention ? "This order needs attention" : "Changed after it was written to Counterpoint"}
          </h2>
          <p>
            <strong>Why:</strong> {needsAttention ? order.reason || "No reason was recorded." : order.flag}
          </p>
          <p>
            <strong>What to do:</strong>{" "}
            {needsAttention
              ? "If the reason names something missing in Counterpoint (an item, a grid cell, a pay or tax code) or in the store's order settings, fix it and press Retry. Otherwise enter the order in Counterpoint by hand and resolve it with a note."
              : "If the ticket is not posted, void it in Counterpoint (Point of Sale → Tickets → Void); if it is posted, make a return. Then resolve the order with a note."}
          </p>
          <div className="actions order-actions">
            {needsAttention && (
              <button type="button" className="btn btn-primary" onClick={() => void retry()} disabled={retrying}>
                {retrying ? "Retrying…" : "Retry"}
              </button>
            )}
          </div>
          {retryError && (
            <p className="form-error" role="alert">
              {retryError}
            </p>
          )}
          {isOwner ? (
            <ResolveForm
              detail={data}
              onDone={(d) => {
                setData(d);
                window.setTimeout(() => headingRef.current?.focus(), 0);
              }}
            />
          ) : (
            <p className="muted small">An owner of this company can resolve the order.</p>
          )}
        </section>
      )}

      <section className="card" aria-labelledby="lines-heading">
        <h2 id="lines-heading">Lines</h2>
        {data.lines.length === 0 ? (
          <EmptyState title="No lines" />
        ) : (
          <div className="table-wrap">
            <table className="table" aria-label="Order lines">
              <thead>
                <tr>
                  <th scope="col">Product</th>
                  <th scope="col">Counterpoint item</th>
                  <th scope="col">Qty</th>
                  <th scope="col">Total</th>
                </tr>
              </thead>
              <tbody>
                {data.lines.map((l) => (
                  <tr key={l.lineNo}>
                    <td>
                      {l.name ?? "—"}
                      <div className="muted small">SKU {l.sku || "none"}</div>
                    </td>
                    <td>
                      {l.itemNo ? (
                        <Link to={toAllocations({ tenantId: tenant.id }, l.itemNo)}>{l.itemNo}</Link>
                      ) : (
                        <span className="count-failed">Not matched</span>
                      )}
                      {l.cell && l.cell !== "*|*|*" && <div className="muted small">Cell {l.cell.replace(/\|/g, " / ")}</div>}
                    </td>
                    <td>{formatQty(l.qty)}</td>
                    <td>{formatMoney(l.total, data.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <dl className="facts facts-compact">
          <div>
            <dt>Shipping</dt>
            <dd>{formatMoney(data.shippingTotal, data.currency)}</dd>
          </div>
          <div>
            <dt>Fees</dt>
            <dd>{formatMoney(data.feeTotal, data.currency)}</dd>
          </div>
          <div>
            <dt>Discount</dt>
            <dd>{formatMoney(data.discountTotal, data.currency)}</dd>
          </div>
          <div>
            <dt>Tax</dt>
            <dd>{formatMoney(data.totalTax, data.currency)}</dd>
          </div>
        </dl>
      </section>

      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        {data.transitions.length === 0 ? (
          <EmptyState title="No changes recorded yet" />
        ) : (
          <ol className="timeline" aria-label="State changes">
            {data.transitions.map((t, i) => (
              <li key={i} className="timeline-item">
                <div className="timeline-head">
                  <OrderStateBadge state={t.to} />
                  <time className="muted small" dateTime={t.at}>
                    {formatDateTime(t.at)}
                  </time>
                </div>
                <p className="small">
                  {t.from ? `${orderStateLabel(t.from)} → ${orderStateLabel(t.to)}: ` : ""}
                  {t.reason}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="card" aria-labelledby="alloc-heading">
        <h2 id="alloc-heading">Stock held</h2>
        {data.allocations.length === 0 ? (
          <EmptyState title="Nothing held">This order holds no stock.</EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table" aria-label="Stock held by this order">
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col">Qty</th>
                  <th scope="col">Held since</th>
                  <th scope="col">Released</th>
                </tr>
              </thead>
              <tbody>
                {data.allocations.map((a) => (
                  <tr key={`${a.itemNo}-${a.cell}`}>
                    <td>
                      {a.itemNo}
                      {a.cell !== "*|*|*" && <div className="muted small">Cell {a.cell.replace(/\|/g, " / ")}</div>}
                    </td>
                    <td>{formatQty(a.qty)}</td>
                    <td>{formatDateTime(a.createdAt)}</td>
                    <td>
                      {a.releasedAt ? formatDateTime(a.releasedAt) : "Still held"}
                      {a.releaseReason && <div className="muted small">{a.releaseReason}</div>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
