import { useEffect, useRef, useState, type FormEvent } from "react";
import { useFocusLater } from "../utils/useFocusLater";
import { Link, useLocation } from "react-router-dom";
import { useApi } from "../api/ApiContext";
import { ApiError, errorMessage } from "../api/errors";
import type { Store } from "../api/types";
import { TextField } from "../components/Field";
import { EmptyState, ErrorState, LoadingState } from "../components/States";
import { useTenant } from "../tenant/TenantContext";
import { browser } from "../utils/browser";
import { formatDate } from "../utils/format";
import { useFetch } from "../utils/useFetch";
import { StoreStatusBadge, isVisibleStore } from "./labels";
import { toStore } from "./routes/Stores";

export const MAX_STORE_NAME = 120;

/** Adds https:// when the scheme is missing ("shop.example.com"). */
export function normalizeUrl(raw: string): string {
  const v = raw.trim();
  if (!v) return v;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(v) ? v : `https://${v}`;
}

function StoreList({ tenantId, stores }: { tenantId: string; stores: Store[] }) {
  return (
    <ul className="store-list" aria-label="Stores">
      {stores.map((s) => (
        <li key={s.id} className="store-row">
          <div className="store-row-main">
            <Link className="store-row-name" to={toStore({ tenantId, siteId: s.id })}>
              {s.name || s.url}
            </Link>
            <span className="muted small store-url">{s.url}</span>
            {s.statusReason && <span className="small">{s.statusReason}</span>}
          </div>
          <div className="store-row-meta">
            <StoreStatusBadge status={s.status} />
            <span className="muted small">
              {s.linkedAt ? (
                <>
                  Linked <time dateTime={s.linkedAt}>{formatDate(s.linkedAt)}</time>
                </>
              ) : (
                <>
                  Added <time dateTime={s.createdAt}>{formatDate(s.createdAt)}</time>
                </>
              )}
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** Owner form: store URL + name → POST → off to WooCommerce's approval page. */
export function LinkStoreForm({ tenantId, onLeaving }: { tenantId: string; onLeaving?: () => void }) {
  const api = useApi();
  const [url, setUrl] = useState("");
  const [name, setName] = useState("");
  const [errors, setErrors] = useState<{ url?: string; name?: string }>({});
  const [formError, setFormError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const urlRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  const focusLater = useFocusLater();
  const focusFirst = (e: { url?: string; name?: string }) => focusLater(() => (e.url ? urlRef : nameRef).current);

  const onSubmit = async (ev: FormEvent) => {
    ev.preventDefault();
    setFormError(undefined);
    const target = normalizeUrl(url);
    const found: { url?: string; name?: string } = {};
    if (!target) found.url = "Enter the address of your store.";
    if (!name.trim()) found.name = "Enter a name for the store.";
    else if (name.trim().length > MAX_STORE_NAME) found.name = `Use at most ${MAX_STORE_NAME} characters.`;
    setErrors(found);
    if (found.url || found.name) {
      focusFirst(found);
      return;
    }
    setSubmitting(true);
    try {
      const { authorizeUrl } = await api.stores.link(tenantId, { url: target, name: name.trim() });
      // WooCommerce asks the store's admin to approve, then sends them back to the store page.
      onLeaving?.();
      browser.assign(authorizeUrl);
    } catch (e) {
      setSubmitting(false);
      if (e instanceof ApiError && (e.fieldErrors.url || e.fieldErrors.name)) {
        const f = { url: e.fieldErrors.url, name: e.fieldErrors.name };
        setErrors(f);
        focusFirst(f);
      } else if (e instanceof ApiError && e.status === 409) {
        setErrors({ url: e.problem.detail ?? "This store is already linked." });
        focusLater(() => urlRef.current);
      } else {
        setFormError(errorMessage(e));
      }
    }
  };

  return (
    <form className="form stack" onSubmit={onSubmit} noValidate aria-label="Link a WooCommerce store">
      <TextField
        ref={urlRef}
        label="Store URL"
        name="url"
        type="url"
        inputMode="url"
        autoComplete="url"
        placeholder="https://shop.example.com"
        value={url}
        onChange={(e) => {
          setUrl(e.target.value);
          if (errors.url) setErrors((x) => ({ ...x, url: undefined }));
        }}
        hint="The address of your WordPress site with WooCommerce, e.g. https://shop.example.com."
        error={errors.url}
        disabled={submitting}
      />
      <TextField
        ref={nameRef}
        label="Store name"
        name="name"
        type="text"
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          if (errors.name) setErrors((x) => ({ ...x, name: undefined }));
        }}
        hint="How you call it in Counterlink, e.g. “Main web shop”."
        error={errors.name}
        disabled={submitting}
      />
      <p className="field-hint">
        Next, your store's WooCommerce asks you to approve access for Counterlink. Sign in there as a store
        administrator and choose <strong>Approve</strong>; you come back here afterwards.
      </p>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={submitting}>
          {submitting ? "Opening WooCommerce…" : "Link store"}
        </button>
      </div>
    </form>
  );
}

export default function StoresPage() {
  const { tenant } = useTenant();
  const api = useApi();
  const isOwner = tenant.role === "owner";
  const { data, error, reload } = useFetch((signal) => api.stores.list(tenant.id, { signal }), [api, tenant.id]);
  const [showRemoved, setShowRemoved] = useState(false);

  const { hash } = useLocation();
  useEffect(() => {
    if (hash === "#link") document.getElementById("link")?.scrollIntoView?.({ block: "start" });
  }, [hash]);

  let list;
  if (data) {
    const removed = data.filter((s) => !isVisibleStore(s));
    const shown = showRemoved ? data : data.filter(isVisibleStore);
    list = (
      <>
        {shown.length === 0 ? (
          <EmptyState title="No stores linked yet">
            {isOwner ? "Link your WooCommerce store below to start syncing." : "An owner of this company can link a store."}
          </EmptyState>
        ) : (
          <StoreList tenantId={tenant.id} stores={shown} />
        )}
        {removed.length > 0 && (
          <label className="checkbox">
            <input type="checkbox" checked={showRemoved} onChange={(e) => setShowRemoved(e.target.checked)} />
            Show removed stores ({removed.length})
          </label>
        )}
      </>
    );
  } else if (error) {
    list = <ErrorState error={error} title="Couldn't load your stores" onRetry={reload} />;
  } else {
    list = <LoadingState label="Loading stores…" />;
  }

  return (
    <div className="stack-page">
      <div className="page-header">
        <h1>Stores</h1>
        <p className="lead">Your WooCommerce stores. Counterlink keeps them in sync with Counterpoint.</p>
      </div>
      <section className="card" aria-labelledby="stores-list-heading">
        <h2 id="stores-list-heading">Your stores</h2>
        {list}
      </section>
      <section className="card" aria-labelledby="link-heading" id="link">
        <h2 id="link-heading">Link a WooCommerce store</h2>
        {isOwner ? (
          <LinkStoreForm tenantId={tenant.id} />
        ) : (
          <p className="note" data-testid="owner-only-note">
            Only an <strong>owner</strong> of this company can link a store.
          </p>
        )}
      </section>
    </div>
  );
}
