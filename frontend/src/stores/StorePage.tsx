import { useEffect, useRef, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router-dom";
import { useApi } from "../api/ApiContext";
import { errorMessage, isNotFound } from "../api/errors";
import type { Store } from "../api/types";
import { useAlerts } from "../components/Alerts";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { ErrorState, LoadingState } from "../components/States";
import { useTenant } from "../tenant/TenantContext";
import { browser } from "../utils/browser";
import { formatDate } from "../utils/format";
import { useFetch } from "../utils/useFetch";
import { useRefreshBurst } from "../utils/useRefreshBurst";
import { ManualKeysForm, TestConnection, WebhooksSection } from "./ConnectionSection";
import { CatalogSettingsSection } from "./CatalogSettingsSection";
import { OrderSettingsSection } from "./OrderSettingsSection";
import { takeSetupReturn } from "../onboarding/setupReturn";
import { toSetup } from "../onboarding/routes/Setup";
import { JobsSection } from "./JobsSection";
import { StoreStatusBadge } from "./labels";
import { RunHistory } from "./RunHistory";
import { SiteAddressNotice } from "./SiteAddressNotice";
import { toStores } from "./routes/Stores";

/**
 * After WooCommerce's approval: look at the store every 2 s, up to 6 times, until it is active and
 * Counterlink has read what WooCommerce calls the site (it does so just after the keys arrive).
 */
export const STORE_POLL_MS = 2_000;
export const STORE_POLL_TIMES = 6;

type Returned = "approved" | "declined" | undefined;

function ReturnNotice({
  returned,
  store,
  checking,
  onCheckAgain,
  onRelink,
  onEnterKeys,
  isOwner,
}: {
  returned: Returned;
  store: Store;
  checking: boolean;
  onCheckAgain: () => void;
  onRelink: () => void;
  onEnterKeys: () => void;
  isOwner: boolean;
}) {
  if (returned === "approved") {
    const active = store.status === "ACTIVE";
    return (
      <div className="notice notice-success" role="status" data-testid="return-notice">
        <p className="notice-title">Approved — Counterlink now has access</p>
        {active ? (
          <p>The store is active. Test the connection below, then check the sync jobs.</p>
        ) : checking ? (
          <p className="notice-progress">
            <span className="spinner spinner-small" aria-hidden="true" /> Waiting for WooCommerce to send the keys…
          </p>
        ) : (
          <>
            <p>WooCommerce hasn't confirmed yet. Check again in a moment{isOwner ? ", or enter the keys by hand" : ""}.</p>
            <div className="actions">
              <button type="button" className="btn btn-small" onClick={onCheckAgain}>
                Check again
              </button>
            </div>
          </>
        )}
      </div>
    );
  }
  if (returned === "declined") {
    return (
      <div className="notice notice-warn" role="status" data-testid="return-notice">
        <p className="notice-title">You declined access; link again or enter keys by hand</p>
        <p>Counterlink can't sync this store until it has API keys.</p>
        {isOwner && (
          <div className="actions">
            <button type="button" className="btn btn-small btn-primary" onClick={onRelink}>
              Link again
            </button>
            <button type="button" className="btn btn-small" onClick={onEnterKeys}>
              Enter keys by hand
            </button>
          </div>
        )}
      </div>
    );
  }
  return null;
}

export default function StorePage() {
  const { tenant } = useTenant();
  const { siteId = "" } = useParams();
  const api = useApi();
  const navigate = useNavigate();
  const { addAlert } = useAlerts();
  const isOwner = tenant.role === "owner";
  const { data: store, error, reload, setData } = useFetch(
    (signal) => api.stores.get(tenant.id, siteId, { signal }),
    [api, tenant.id, siteId],
  );

  // WooCommerce sends people back with ?success=1|0&user_id=…: remember it, then tidy the address.
  const [searchParams, setSearchParams] = useSearchParams();
  const [returned] = useState<Returned>(() => {
    const s = searchParams.get("success");
    return s === "1" ? "approved" : s === "0" ? "declined" : undefined;
  });
  const [keysOpen, setKeysOpen] = useState(returned === "declined");
  const keysRef = useRef<HTMLInputElement>(null);
  const keysToggleRef = useRef<HTMLButtonElement>(null);

  const burst = useRefreshBurst(
    async (signal) => {
      const s = await api.stores.get(tenant.id, siteId, { signal });
      setData(s);
      return s.status === "ACTIVE" && s.homeUrl !== null;
    },
    { intervalMs: STORE_POLL_MS, times: STORE_POLL_TIMES },
  );
  const { start: startBurst } = burst;

  useEffect(() => {
    if (!returned) return;
    // linked from the setup wizard: carry on there
    if (takeSetupReturn(tenant.id)) {
      navigate(toSetup({ tenantId: tenant.id, step: "stores" }, `?store=${encodeURIComponent(siteId)}&returned=${returned}`), {
        replace: true,
      });
      return;
    }
    if (searchParams.has("success") || searchParams.has("user_id")) setSearchParams({}, { replace: true });
    if (returned === "approved") startBurst();
    // once, on arrival
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const [relinking, setRelinking] = useState(false);
  const [relinkError, setRelinkError] = useState<string>();
  const relink = async () => {
    if (!store) return;
    setRelinking(true);
    setRelinkError(undefined);
    try {
      const { authorizeUrl } = await api.stores.link(tenant.id, { url: store.url, name: store.name });
      browser.assign(authorizeUrl);
    } catch (e) {
      setRelinking(false);
      setRelinkError(errorMessage(e));
    }
  };

  const openKeys = () => {
    setKeysOpen(true);
    window.setTimeout(() => {
      keysRef.current?.scrollIntoView?.({ block: "center" });
      keysRef.current?.focus();
    }, 0);
  };

  const [removing, setRemoving] = useState(false);
  const [removeBusy, setRemoveBusy] = useState(false);
  const [removeError, setRemoveError] = useState<string>();
  const remove = async () => {
    if (!store) return;
    setRemoveBusy(true);
    setRemoveError(undefined);
    try {
      await api.stores.remove(tenant.id, store.id);
      addAlert(`“${store.name}” removed. It has stopped syncing; its history is kept.`);
      navigate(toStores({ tenantId: tenant.id }));
    } catch (e) {
      setRemoveError(errorMessage(e));
      setRemoveBusy(false);
    }
  };

  const [runsVersion, setRunsVersion] = useState(0);

  if (!store) {
    if (isNotFound(error)) {
      return (
        <ErrorState error={error} title="Store not found" message="It may have been removed from this company.">
          <Link className="btn" to={toStores({ tenantId: tenant.id })}>
            Back to stores
          </Link>
        </ErrorState>
      );
    }
    if (error) return <ErrorState error={error} title="Couldn't load the store" onRetry={reload} />;
    return <LoadingState label="Loading store…" />;
  }

  const active = store.status === "ACTIVE";

  return (
    <div className="stack-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={toStores({ tenantId: tenant.id })}>Stores</Link> <span aria-hidden="true">/</span>{" "}
        <span aria-current="page">{store.name || store.url}</span>
      </nav>
      <div className="page-header">
        <div className="title-row">
          <h1>{store.name || store.url}</h1>
          <StoreStatusBadge status={store.status} />
        </div>
        <p className="muted store-url">
          <a href={store.url} target="_blank" rel="noreferrer">
            {store.url}
            <span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        </p>
        {store.statusReason && <p>{store.statusReason}</p>}
        <dl className="facts">
          <div>
            <dt>API keys</dt>
            <dd>{store.hasCredentials ? (store.keyPermissions ? `Yes (${store.keyPermissions})` : "Yes") : "Not yet"}</dd>
          </div>
          <div>
            <dt>Linked</dt>
            <dd>{store.linkedAt ? <time dateTime={store.linkedAt}>{formatDate(store.linkedAt)}</time> : "—"}</dd>
          </div>
          <div>
            <dt>Added</dt>
            <dd>
              <time dateTime={store.createdAt}>{formatDate(store.createdAt)}</time>
            </dd>
          </div>
        </dl>
      </div>

      <ReturnNotice
        returned={returned}
        store={store}
        checking={burst.active}
        onCheckAgain={startBurst}
        onRelink={() => void relink()}
        onEnterKeys={openKeys}
        isOwner={isOwner}
      />

      <SiteAddressNotice tenantId={tenant.id} store={store} isOwner={isOwner} onChanged={setData} />

      {store.status === "PENDING" && returned === undefined && (
        <div className="notice notice-warn" role="status">
          <p className="notice-title">Waiting for approval in WooCommerce</p>
          <p>
            {isOwner
              ? "Approve access on your store's WooCommerce page, or enter API keys by hand below."
              : "An owner of this company needs to approve access in WooCommerce."}
          </p>
          {isOwner && (
            <div className="actions">
              <button type="button" className="btn btn-small btn-primary" onClick={() => void relink()} disabled={relinking}>
                {relinking ? "Opening WooCommerce…" : "Approve in WooCommerce"}
              </button>
            </div>
          )}
        </div>
      )}
      {relinkError && (
        <p className="form-error" role="alert">
          {relinkError}
        </p>
      )}

      <section className="card" aria-labelledby="connection-heading">
        <h2 id="connection-heading">Connection</h2>
        <p className="muted">Checks that Counterlink can reach the store with its keys and may change products and stock.</p>
        <TestConnection tenantId={tenant.id} siteId={store.id} onTested={reload} />
        {isOwner && (
          <div className="disclosure">
            <button
              ref={keysToggleRef}
              type="button"
              className="btn btn-link disclosure-toggle"
              aria-expanded={keysOpen}
              aria-controls="manual-keys"
              onClick={() => (keysOpen ? setKeysOpen(false) : openKeys())}
            >
              <span aria-hidden="true">{keysOpen ? "▾" : "▸"}</span> Enter API keys by hand
            </button>
            <div id="manual-keys" hidden={!keysOpen}>
              {keysOpen && (
                <ManualKeysForm
                  ref={keysRef}
                  tenantId={tenant.id}
                  store={store}
                  onSaved={(s) => {
                    setData(s);
                    setKeysOpen(false);
                    keysToggleRef.current?.focus();
                  }}
                />
              )}
            </div>
          </div>
        )}
      </section>

      <CatalogSettingsSection tenantId={tenant.id} siteId={store.id} isOwner={isOwner} />

      <OrderSettingsSection tenantId={tenant.id} siteId={store.id} isOwner={isOwner} />

      <JobsSection
        tenantId={tenant.id}
        siteId={store.id}
        isOwner={isOwner}
        storeActive={active}
        onRunsChanged={() => setRunsVersion((v) => v + 1)}
      />

      <RunHistory tenantId={tenant.id} siteId={store.id} version={runsVersion} />

      <WebhooksSection tenantId={tenant.id} store={store} isOwner={isOwner} />

      {isOwner && (
        <section className="card card-danger" aria-labelledby="remove-heading">
          <h2 id="remove-heading">Remove store</h2>
          <p className="muted">The store stops syncing and its webhooks are removed. Its sync history is kept.</p>
          <button
            type="button"
            className="btn btn-danger-outline"
            onClick={() => {
              setRemoveError(undefined);
              setRemoving(true);
            }}
          >
            Remove store
          </button>
        </section>
      )}

      {removing && (
        <ConfirmDialog
          title={`Remove “${store.name || store.url}”?`}
          confirmLabel="Remove store"
          busyLabel="Removing…"
          danger
          busy={removeBusy}
          error={removeError}
          onConfirm={() => void remove()}
          onCancel={() => setRemoving(false)}
        >
          <p>
            Counterlink stops syncing this store right away. Its run history is kept. To sync it again later, link it
            again.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
