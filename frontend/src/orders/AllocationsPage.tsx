import { useId, useState, type FormEvent } from "react";
import { useSearchParams } from "react-router-dom";
import { useApi } from "../api/ApiContext";
import type { ItemAllocation } from "../api/types";
import { EmptyState, ErrorState, LoadingState } from "../components/States";
import { useTenant } from "../tenant/TenantContext";
import { useFetch } from "../utils/useFetch";
import { OrdersSubNav, formatQty } from "./labels";

const KNOWN: Record<string, string> = {
  itemNo: "Item",
  cell: "Grid cell",
  allocated: "Held by web orders",
  openOrders: "Open orders",
  cpAvailable: "Available in Counterpoint",
  buffer: "Safety buffer",
  safetyBuffer: "Safety buffer",
};

const humanize = (key: string) =>
  KNOWN[key] ??
  key
    .replace(/([a-z0-9])([A-Z])/g, (_, a: string, b: string) => `${a} ${b.toLowerCase()}`)
    .replace(/^cp\b/, "Counterpoint")
    .replace(/^./, (c) => c.toUpperCase());

function cellValue(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "number" || (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v))) return formatQty(v as number | string);
  if (typeof v === "string") return v === "*|*|*" ? "—" : v.replace(/\|/g, " / ");
  if (Array.isArray(v) || typeof v === "object") {
    // e.g. per-store quantities sent: [{store, qty}] or {storeName: qty}
    const entries = Array.isArray(v)
      ? v.map((x) => (x && typeof x === "object" ? Object.values(x as Record<string, unknown>).map(String).join(": ") : String(x)))
      : Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}: ${cellValue(x)}`);
    return entries.join(", ") || "—";
  }
  return String(v);
}

/** What web orders hold of each item until Counterpoint posts them; any further fields the API adds are shown as columns. */
export default function AllocationsPage() {
  const { tenant } = useTenant();
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const itemNo = params.get("itemNo") ?? "";
  const [search, setSearch] = useState(itemNo);
  const searchId = useId();
  const { data, error, reload } = useFetch((signal) => api.allocations.list(tenant.id, itemNo || undefined, { signal }), [api, tenant.id, itemNo]);

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    setParams(search.trim() ? { itemNo: search.trim() } : {}, { replace: true });
  };

  const columns = (rows: ItemAllocation[]) => {
    const keys = ["itemNo", "cell", "allocated", "openOrders"];
    rows.forEach((r) => Object.keys(r).forEach((k) => !keys.includes(k) && keys.push(k)));
    return keys;
  };

  let body;
  if (data) {
    const keys = columns(data);
    body =
      data.length === 0 ? (
        <EmptyState title={itemNo ? `Nothing held of ${itemNo}` : "Nothing is held"}>
          Web orders hold stock from the moment they arrive until Counterpoint posts their ticket.
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="Allocation per item">
            <thead>
              <tr>
                {keys.map((k) => (
                  <th scope="col" key={k}>
                    {humanize(k)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.map((r) => (
                <tr key={`${r.itemNo}-${r.cell}`}>
                  {keys.map((k) => (
                    <td key={k}>{cellValue(r[k])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
        </p>
      </div>
      <OrdersSubNav tenantId={tenant.id} />
      <section className="card" aria-labelledby="alloc-list-heading">
        <h2 id="alloc-list-heading">Per item</h2>
        <div className="filters">
        <form className="field field-inline" role="search" onSubmit={onSearch}>
          <label htmlFor={searchId}>Item number</label>
          <input id={searchId} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
          <button type="submit" className="btn btn-small">
            Search
          </button>
        </form>
        </div>
        {body}
      </section>
    </div>
  );
}
