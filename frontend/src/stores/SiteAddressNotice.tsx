import { useState } from "react";
import { useApi } from "../api/ApiContext";
import { errorMessage } from "../api/errors";
import type { Store } from "../api/types";
import { useAlerts } from "../components/Alerts";

/**
 * "WooCommerce calls this site …, not …": the store was entered under another name than the one
 * WordPress uses for itself. Owners switch to that address in one click.
 */
export function SiteAddressNotice({
  tenantId,
  store,
  isOwner,
  onChanged,
}: {
  tenantId: string;
  store: Store;
  isOwner: boolean;
  onChanged: (store: Store) => void;
}) {
  const api = useApi();
  const { addAlert } = useAlerts();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  if (!store.addressNotice || !store.homeUrl) return null;
  const homeUrl = store.homeUrl;

  const use = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const updated = await api.stores.useAddress(tenantId, store.id, { url: homeUrl });
      addAlert(`The store's address is now ${updated.url}.`);
      onChanged(updated);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="notice notice-warn" role="status" data-testid="address-notice">
      <p className="notice-title">{store.addressNotice}</p>
      <p>
        WooCommerce checks Counterlink's requests against the address it calls itself. Counterlink already signs with{" "}
        {homeUrl}, so syncing works; use that address for this store to keep the two the same.
      </p>
      {isOwner ? (
        <div className="actions">
          <button type="button" className="btn btn-small btn-primary" onClick={() => void use()} disabled={busy}>
            {busy ? "Switching…" : `Use ${homeUrl}`}
          </button>
        </div>
      ) : (
        <p className="muted small">An owner of this company can switch the store to this address.</p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
