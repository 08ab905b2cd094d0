import { useRef, useState, type FormEvent } from "react";
import { useSearchParams } from "react-router-dom";
import { useApi } from "../api/ApiContext";
import { ApiError, errorMessage } from "../api/errors";
import type { CustomerIdentity } from "../api/types";
import { useAlerts } from "../components/Alerts";
import { TextField } from "../components/Field";
import { EmptyState, ErrorState, LoadingState } from "../components/States";
import { useTenant } from "../tenant/TenantContext";
import { formatDateTime } from "../utils/format";
import { useFetch } from "../utils/useFetch";
import { OrdersSubNav, linkedHowLabel } from "./labels";
import { PossibleMatches } from "./PossibleMatches";
import { SearchForm } from "./SearchForm";

function RelinkForm({ identity, onSaved, onCancel }: { identity: CustomerIdentity; onSaved: (c: CustomerIdentity) => void; onCancel: () => void }) {
  const api = useApi();
  const { tenant } = useTenant();
  const [custNo, setCustNo] = useState(identity.custNo);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLInputElement>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!/^[A-Za-z0-9_-]{1,15}$/.test(custNo.trim())) {
      setError("A Counterpoint customer number: 1 to 15 letters, digits, _ or -.");
      ref.current?.focus();
      return;
    }
    setBusy(true);
    try {
      onSaved(await api.customers.relink(tenant.id, identity.id, custNo.trim()));
    } catch (err) {
      setError(err instanceof ApiError && err.fieldErrors.custNo ? err.fieldErrors.custNo : errorMessage(err));
      ref.current?.focus();
      setBusy(false);
    }
  };
  return (
    <form className="form relink-form" onSubmit={submit} noValidate aria-label={`Relink ${identity.email ?? identity.identityKey}`}>
      <PossibleMatches
        identity={identity}
        chosen={custNo.trim()}
        onChoose={(chosen) => {
          setCustNo(chosen);
          if (error) setError(undefined);
          ref.current?.focus();
        }}
      />
      <TextField
        ref={ref}
        autoFocus
        label="Counterpoint customer number"
        value={custNo}
        maxLength={15}
        error={error}
        disabled={busy}
        className="field-short"
        hint="Later orders of this customer go to this Counterpoint customer."
        onChange={(e) => {
          setCustNo(e.target.value);
          if (error) setError(undefined);
        }}
      />
      <div className="actions">
        <button type="submit" className="btn btn-small btn-primary" disabled={busy}>
          {busy ? "Saving…" : "Save link"}
        </button>
        <button type="button" className="btn btn-small" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Which Counterpoint customer each web customer's orders go to, and relinking one. */
export default function CustomersPage() {
  const { tenant } = useTenant();
  const api = useApi();
  const { addAlert } = useAlerts();
  const isOwner = tenant.role === "owner";
  const [params, setParams] = useSearchParams();
  const email = params.get("email") ?? "";
  const [editing, setEditing] = useState<string | null>(null);
  const { data, error, reload, setData } = useFetch((signal) => api.customers.list(tenant.id, email || undefined, { signal }), [api, tenant.id, email]);


  let body;
  if (data) {
    body =
      data.length === 0 ? (
        <EmptyState title={email ? "No customer matches" : "No customers yet"}>
          {email ? "Try another email." : "Customers appear here with their first web order."}
        </EmptyState>
      ) : (
        <ul className="identity-list" aria-label="Customers">
          {data.map((c) => (
            <li key={c.id} className="identity">
              <div className="identity-main">
                <span className="identity-email">{c.email ?? c.identityKey}</span>
                <span className="muted small">
                  {c.wooCustomerId > 0 ? `Registered customer #${c.wooCustomerId}` : "Guest"} · {linkedHowLabel(c.linkedHow)}
                  {c.linkedBy ? ` by ${c.linkedBy}` : ""} · <time dateTime={c.linkedAt}>{formatDateTime(c.linkedAt)}</time>
                </span>
              </div>
              <div className="identity-link">
                <span className="badge">Counterpoint {c.custNo}</span>
                {editing !== c.id && (
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={`${isOwner ? "Relink" : "Possible matches for"} ${c.email ?? c.identityKey}`}
                    onClick={() => setEditing(c.id)}
                  >
                    {isOwner ? "Relink" : "Possible matches"}
                  </button>
                )}
              </div>
              {editing === c.id && !isOwner && (
                <div className="relink-form">
                  <PossibleMatches identity={c} />
                  <p className="muted small">Only an owner can change the link.</p>
                  <div className="actions">
                    <button type="button" className="btn btn-small" onClick={() => setEditing(null)}>
                      Close
                    </button>
                  </div>
                </div>
              )}
              {editing === c.id && isOwner && (
                <RelinkForm
                  identity={c}
                  onCancel={() => setEditing(null)}
                  onSaved={(saved) => {
                    setData(data.map((x) => (x.id === saved.id ? saved : x)));
                    setEditing(null);
                    addAlert(`${saved.email ?? saved.identityKey} now goes to Counterpoint customer ${saved.custNo}.`);
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      );
  } else if (error) {
    body = <ErrorState error={error} title="Couldn't load the customers" onRetry={reload} />;
  } else {
    body = <LoadingState label="Loading customers…" />;
  }

  return (
    <div className="stack-page">
      <div className="page-header">
        <h1>Customers</h1>
        <p className="muted">
          Each web customer is linked to one Counterpoint customer: by email on their first order, or created from the billing address.
        </p>
      </div>
      <OrdersSubNav tenantId={tenant.id} />
      <section className="card" aria-labelledby="customers-heading">
        <h2 id="customers-heading">Customer identities</h2>
        <div className="filters">
          <SearchForm label="Email" value={email} onSearch={(term) => setParams(term ? { email: term } : {}, { replace: true })} />
        </div>
        {body}
      </section>
    </div>
  );
}
