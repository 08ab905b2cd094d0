import { useEffect, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { useApi } from "../../api/ApiContext";
import { errorMessage } from "../../api/errors";
import type { Store } from "../../api/types";
import { ManualKeysForm } from "../../stores/ConnectionSection";
import { StoreStatusBadge } from "../../stores/labels";
import { toStore } from "../../stores/routes/Stores";
import { SiteAddressNotice } from "../../stores/SiteAddressNotice";
import { LinkStoreForm } from "../../stores/StoresPage";
import { useFetch } from "../../utils/useFetch";
import { useRefreshBurst } from "../../utils/useRefreshBurst";
import type { StepProps } from "../SetupWizardPage";
import { markSetupReturn } from "../setupReturn";

/**
 * After WooCommerce's approval: look again every 2 s, up to 10 times, until the store is active and
 * Counterlink has read what WooCommerce calls the site.
 */
export const STORE_ACTIVE_POLL_MS = 2_000;
export const STORE_ACTIVE_POLL_TIMES = 10;

export function StoresSetupStep({ tenantId, isOwner, status, refresh, goOn }: StepProps) {
  const api = useApi();
  const stores = useFetch((signal) => api.stores.list(tenantId, { signal }), [api, tenantId]);
  const [search, setSearch] = useSearchParams();
  const [returned] = useState(() => search.get("returned"));
  const [returnedStore] = useState(() => search.get("store"));
  const [keysFor, setKeysFor] = useState<string | null>(returned === "declined" ? returnedStore : null);
  const [continueError, setContinueError] = useState<string>();

  const refreshed = useRef(false);
  const burst = useRefreshBurst(
    async (signal) => {
      const list = await api.stores.list(tenantId, { signal });
      stores.setData(list);
      const linked = list.find((s) => s.id === returnedStore && s.status === "ACTIVE");
      if (linked && !refreshed.current) {
        refreshed.current = true;
        refresh();
      }
      return linked !== undefined && linked.homeUrl !== null;
    },
    { intervalMs: STORE_ACTIVE_POLL_MS, times: STORE_ACTIVE_POLL_TIMES },
  );
  const { start: startBurst } = burst;
  useEffect(() => {
    if (!returned) return;
    const next = new URLSearchParams(search);
    next.delete("returned");
    setSearch(next, { replace: true });
    if (returned === "approved") startBurst();
    // once, on arrival
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const visible = (stores.data ?? []).filter((s) => s.status !== "REMOVED");
  const anyActive = status.stores.some((s) => s.status === "ACTIVE") || visible.some((s) => s.status === "ACTIVE");
  const back = visible.find((s) => s.id === returnedStore);

  return (
    <div className="stack">
      {returned === "approved" && back && (
        <div className="notice notice-success" role="status" data-testid="return-notice">
          <p className="notice-title">Approved — Counterlink now has access to “{back.name}”</p>
          {back.status === "ACTIVE" ? (
            <p>The store is active.</p>
          ) : burst.active ? (
            <p className="notice-progress">
              <span className="spinner spinner-small" aria-hidden="true" /> Waiting for WooCommerce to send the keys…
            </p>
          ) : (
            <p>WooCommerce hasn't confirmed yet. Check again in a moment, or enter the keys by hand.</p>
          )}
        </div>
      )}
      {returned === "declined" && (
        <div className="notice notice-warn" role="status" data-testid="return-notice">
          <p className="notice-title">You declined access; link again or enter keys by hand</p>
          <p>Counterlink can't sync this store until it has API keys.</p>
        </div>
      )}

      <section className="card" aria-labelledby="setup-stores-heading">
        <h2 id="setup-stores-heading">Your stores</h2>
        {stores.error && !stores.data ? (
          <p className="form-error" role="alert">
            Couldn't load your stores: {errorMessage(stores.error)}{" "}
            <button type="button" className="btn btn-small" onClick={stores.reload}>
              Try again
            </button>
          </p>
        ) : !stores.data ? (
          <p className="muted">Loading stores…</p>
        ) : visible.length === 0 ? (
          <p className="muted">No stores linked yet. Link your WooCommerce store below.</p>
        ) : (
          <ul className="setup-store-list" aria-label="Linked stores">
            {visible.map((s: Store) => (
              <li key={s.id}>
                <div className="setup-store-row">
                  <Link to={toStore({ tenantId, siteId: s.id })}>{s.name || s.url}</Link> <StoreStatusBadge status={s.status} />
                  {isOwner && s.status !== "ACTIVE" && (
                    <button
                      type="button"
                      className="btn btn-small btn-link"
                      aria-expanded={keysFor === s.id}
                      onClick={() => setKeysFor(keysFor === s.id ? null : s.id)}
                    >
                      Enter API keys by hand for {s.name || s.url}
                    </button>
                  )}
                </div>
                <p className="small muted store-url">{s.url}</p>
                <SiteAddressNotice
                  tenantId={tenantId}
                  store={s}
                  isOwner={isOwner}
                  onChanged={(changed) => stores.setData(visible.map((x) => (x.id === changed.id ? changed : x)))}
                />
                {keysFor === s.id && (
                  <ManualKeysForm
                    tenantId={tenantId}
                    store={s}
                    onSaved={(saved) => {
                      stores.setData(visible.map((x) => (x.id === saved.id ? saved : x)));
                      setKeysFor(null);
                      refresh();
                    }}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
        {anyActive && (
          <div className="actions">
            <button type="button" className="btn btn-primary" onClick={() => goOn().catch((e) => setContinueError(errorMessage(e)))}>
              Continue to the store settings
            </button>
          </div>
        )}
        {continueError && (
          <p className="form-error" role="alert">
            {continueError}
          </p>
        )}
      </section>

      <section className="card" aria-labelledby="setup-link-heading">
        <h2 id="setup-link-heading">{anyActive ? "Link another store" : "Link a WooCommerce store"}</h2>
        {isOwner ? (
          <LinkStoreForm tenantId={tenantId} onLeaving={() => markSetupReturn(tenantId)} />
        ) : (
          <p className="muted" data-testid="owner-only-note">
            Only an owner of this company can link a store.
          </p>
        )}
      </section>
    </div>
  );
}
