import { NavLink } from "react-router-dom";
import type { OrderState } from "../api/types";
import { toAllocations, toCustomers, toOrders } from "./routes/Orders";

const ORDER_STATE: Record<string, { label: string; tone: string; meaning: string }> = {
  RECEIVED: { label: "Received", tone: "info", meaning: "Seen; its lines are being matched to Counterpoint items." },
  ALLOCATED: { label: "Allocated", tone: "info", meaning: "Its quantities are held; waiting for the status that sends it." },
  READY: { label: "Ready", tone: "info", meaning: "The next run writes it to Counterpoint." },
  WRITTEN: { label: "In Counterpoint", tone: "ok", meaning: "Written to Counterpoint; waiting for it to be posted." },
  POSTED: { label: "Posted", tone: "ok", meaning: "Counterpoint posted the ticket." },
  RELEASED: { label: "Done", tone: "neutral", meaning: "Posted or resolved by a person; nothing is held any more." },
  NEEDS_ATTENTION: { label: "Needs attention", tone: "bad", meaning: "Waiting for a person; the reason says what to fix." },
  CANCELLED: { label: "Cancelled", tone: "neutral", meaning: "Cancelled or refunded in WooCommerce before it was written." },
};

export const orderStateLabel = (s: OrderState) => ORDER_STATE[s]?.label ?? s;
export const orderStateMeaning = (s: OrderState) => ORDER_STATE[s]?.meaning ?? "";

export function OrderStateBadge({ state }: { state: OrderState }) {
  const info = ORDER_STATE[state] ?? { label: state, tone: "neutral" };
  return <span className={`status status-${info.tone}`}>{info.label}</span>;
}

const LINKED_HOW: Record<string, string> = {
  EMAIL_MATCH: "Matched by email",
  CREATED: "Created in Counterpoint",
  MANUAL: "Linked by a person",
};
export const linkedHowLabel = (how: string) => LINKED_HOW[how] ?? how;

const money = (v: number | string | null | undefined, currency?: string | null) => {
  if (v === null || v === undefined || v === "") return "—";
  const n = typeof v === "number" ? v : Number(v);
  if (!Number.isFinite(n)) return String(v);
  try {
    return currency ? new Intl.NumberFormat(undefined, { style: "currency", currency }).format(n) : n.toFixed(2);
  } catch {
    return n.toFixed(2);
  }
};
export const formatMoney = money;

export const formatQty = (v: number | string | null | undefined) => {
  if (v === null || v === undefined || v === "") return "—";
  const n = Number(v);
  return Number.isFinite(n) ? String(Math.round(n * 10000) / 10000) : String(v);
};

/** Orders, customers and allocation belong together: a small tab bar on each of their pages. */
export function OrdersSubNav({ tenantId }: { tenantId: string }) {
  const cls = ({ isActive }: { isActive: boolean }) => (isActive ? "subnav-link active" : "subnav-link");
  return (
    <nav className="subnav" aria-label="Orders">
      <NavLink to={toOrders({ tenantId })} end className={cls}>
        Order ledger
      </NavLink>
      <NavLink to={toCustomers({ tenantId })} className={cls}>
        Customers
      </NavLink>
      <NavLink to={toAllocations({ tenantId })} className={cls}>
        Allocation
      </NavLink>
    </nav>
  );
}
