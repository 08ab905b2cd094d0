import { forwardRef, useId, useRef, useState, type FormEvent } from "react";
import { useFocusLater } from "../utils/useFocusLater";
import { useApi } from "../api/ApiContext";
import { ApiError, errorMessage } from "../api/errors";
import type { ConnectionCheck, Store, Webhook } from "../api/types";
import { useAlerts } from "../components/Alerts";
import { TextField } from "../components/Field";
import { EmptyState, ErrorState, LoadingState } from "../components/States";
import { useFetch } from "../utils/useFetch";
import { checkInfo } from "./labels";

const CHECK_NAMES: Record<string, string> = {
  keys: "API keys",
  "write-permission": "Write permission",
  "woocommerce-version": "WooCommerce version",
  "site-address": "Store address",
  currency: "Currency",
};
const checkName = (c: string) => CHECK_NAMES[c] ?? (c.charAt(0).toUpperCase() + c.slice(1)).replace(/[-_]/g, " ");

/**
 * "Test connection" and its checklist, with the fix for warnings and failures. `onTested` runs after
 * each test: the server may have learnt what the store calls itself (the page shows it).
 */
export function TestConnection({ tenantId, siteId, onTested }: { tenantId: string; siteId: string; onTested?: () => void }) {
  const api = useApi();
  const [checks, setChecks] = useState<ConnectionCheck[]>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setChecks(await api.stores.testConnection(tenantId, siteId));
      onTested?.();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const failed = checks?.filter((c) => c.status === "FAIL").length ?? 0;
  const warned = checks?.filter((c) => c.status === "WARN").length ?? 0;

  return (
    <div className="test-connection">
      <div className="actions">
        <button type="button" className="btn" onClick={() => void run()} disabled={busy}>
          {busy ? "Testing…" : checks ? "Test again" : "Test connection"}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {checks && !busy && (
          <p className={failed ? "check-summary bad" : warned ? "check-summary warn" : "check-summary ok"}>
            {failed
              ? `${failed} ${failed === 1 ? "check" : "checks"} failed.`
              : warned
                ? `Connected, with ${warned} ${warned === 1 ? "warning" : "warnings"}.`
                : "All checks passed."}
          </p>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {checks && (
        <ul className="checks" aria-label="Connection checks">
          {checks.map((c, i) => {
            const info = checkInfo(c.status);
            return (
              <li key={`${c.check}-${i}`} className={`check check-${c.status.toLowerCase()}`}>
                <span className="check-icon" aria-hidden="true">
                  {info.icon}
                </span>
                <div className="check-body">
                  <p className="check-title">
                    <span>{checkName(c.check)}</span> <span className="check-status">{info.label}</span>
                  </p>
                  <p className="check-detail">{c.detail}</p>
                  {c.status !== "PASS" && c.fix && (
                    <p className="check-fix">
                      <strong>How to fix:</strong> {c.fix}
                    </p>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

interface ManualKeysProps {
  tenantId: string;
  store: Store;
  onSaved: (store: Store) => void;
}

/** Manual key entry: the fallback when WooCommerce's approval page can't be used. */
export const ManualKeysForm = forwardRef<HTMLInputElement, ManualKeysProps>(function ManualKeysForm(
  { tenantId, store, onSaved },
  firstFieldRef,
) {
  const api = useApi();
  const { addAlert } = useAlerts();
  const [consumerKey, setConsumerKey] = useState("");
  const [consumerSecret, setConsumerSecret] = useState("");
  const [errors, setErrors] = useState<{ consumerKey?: string; consumerSecret?: string }>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const secretRef = useRef<HTMLInputElement>(null);
  const localKeyRef = useRef<HTMLInputElement | null>(null);

  const focusLater = useFocusLater();
  const focus = (e: { consumerKey?: string; consumerSecret?: string }) =>
    focusLater(() => (e.consumerKey ? localKeyRef.current : secretRef.current));

  const onSubmit = async (ev: FormEvent) => {
    ev.preventDefault();
    setFormError(undefined);
    const found: typeof errors = {};
    if (!consumerKey.trim()) found.consumerKey = "Enter the consumer key (it starts with ck_).";
    if (!consumerSecret.trim()) found.consumerSecret = "Enter the consumer secret (it starts with cs_).";
    setErrors(found);
    if (found.consumerKey || found.consumerSecret) {
      focus(found);
      return;
    }
    setBusy(true);
    try {
      const updated = await api.stores.setCredentials(tenantId, store.id, {
        consumerKey: consumerKey.trim(),
        consumerSecret: consumerSecret.trim(),
      });
      setConsumerKey("");
      setConsumerSecret("");
      addAlert("Keys saved. Test the connection to check them.");
      onSaved(updated);
    } catch (e) {
      if (e instanceof ApiError && (e.fieldErrors.consumerKey || e.fieldErrors.consumerSecret)) {
        const f = { consumerKey: e.fieldErrors.consumerKey, consumerSecret: e.fieldErrors.consumerSecret };
        setErrors(f);
        focus(f);
      } else {
        setFormError(errorMessage(e));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form stack" onSubmit={onSubmit} noValidate aria-label="Enter API keys by hand">
      <ol className="how-to">
        <li>
          In your WordPress admin, open <strong>WooCommerce → Settings → Advanced → REST API</strong> and choose{" "}
          <strong>Add key</strong>.
        </li>
        <li>
          Description “Counterlink”, pick an administrator as <strong>User</strong>, set <strong>Permissions</strong>{" "}
          to <strong>Read/Write</strong>, then <strong>Generate API key</strong>.
        </li>
        <li>Copy the consumer key and the consumer secret into the fields below (WooCommerce shows them only once).</li>
      </ol>
      <TextField
        ref={(el) => {
          localKeyRef.current = el;
          if (typeof firstFieldRef === "function") firstFieldRef(el);
          else if (firstFieldRef) firstFieldRef.current = el;
        }}
        label="Consumer key"
        name="consumerKey"
        autoComplete="off"
        spellCheck={false}
        placeholder="ck_…"
        value={consumerKey}
        onChange={(e) => {
          setConsumerKey(e.target.value);
          if (errors.consumerKey) setErrors((x) => ({ ...x, consumerKey: undefined }));
        }}
        error={errors.consumerKey}
        disabled={busy}
      />
      <TextField
        ref={secretRef}
        label="Consumer secret"
        name="consumerSecret"
        type="password"
        autoComplete="off"
        spellCheck={false}
        placeholder="cs_…"
        value={consumerSecret}
        onChange={(e) => {
          setConsumerSecret(e.target.value);
          if (errors.consumerSecret) setErrors((x) => ({ ...x, consumerSecret: undefined }));
        }}
        hint="Stored encrypted; nobody can read it back, not even you."
        error={errors.consumerSecret}
        disabled={busy}
      />
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? "Saving keys…" : store.hasCredentials ? "Replace keys" : "Save keys"}
        </button>
      </div>
    </form>
  );
});

const WEBHOOK_TOPICS: Record<string, string> = {
  "order.created": "New orders",
  "order.updated": "Order changes",
  "product.updated": "Product changes",
};

/** The store's webhooks (how WooCommerce tells Counterlink about changes) with register / repair. */
export function WebhooksSection({ tenantId, store, isOwner }: { tenantId: string; store: Store; isOwner: boolean }) {
  const api = useApi();
  const { addAlert } = useAlerts();
  const { data, error, reload, setData } = useFetch(
    (signal) => api.stores.webhooks(tenantId, store.id, { signal }),
    [api, tenantId, store.id, store.status],
  );
  const [busy, setBusy] = useState<"register" | "repair" | null>(null);
  const [actionError, setActionError] = useState<string>();
  const headingId = useId();

  const act = async (kind: "register" | "repair") => {
    setBusy(kind);
    setActionError(undefined);
    try {
      const hooks = kind === "register"
        ? await api.stores.registerWebhooks(tenantId, store.id)
        : await api.stores.repairWebhooks(tenantId, store.id);
      setData(hooks);
      addAlert(kind === "register" ? "Webhooks registered." : "Webhooks repaired.");
    } catch (e) {
      setActionError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  let body;
  if (data) {
    body =
      data.length === 0 ? (
        <EmptyState title="No webhooks yet">
          Without webhooks, Counterlink only sees new orders on its schedule.
          {isOwner && store.status === "ACTIVE" ? " Register them to get orders right away." : ""}
        </EmptyState>
      ) : (
        <table className="table" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Status</th>
              <th scope="col">WooCommerce ID</th>
            </tr>
          </thead>
          <tbody>
            {data.map((w: Webhook) => (
              <tr key={w.topic}>
                <td>
                  {WEBHOOK_TOPICS[w.topic] ?? w.topic} <code className="small">{w.topic}</code>
                </td>
                <td>
                  <span className={w.status === "active" ? "status status-ok" : "status status-warn"}>
                    {w.status ? w.status.charAt(0).toUpperCase() + w.status.slice(1) : "—"}
                  </span>
                </td>
                <td>{w.wooWebhookId || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
  } else if (error) {
    body = <ErrorState error={error} title="Couldn't load the webhooks" onRetry={reload} />;
  } else {
    body = <LoadingState label="Loading webhooks…" />;
  }

  const unhealthy = data?.some((w) => w.status !== "active");

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>Webhooks</h2>
      <p className="muted">WooCommerce calls Counterlink when orders or products change, so they sync within seconds.</p>
      {body}
      {isOwner && (
        <>
          <div className="actions">
            <button
              type="button"
              className={data && data.length === 0 ? "btn btn-primary" : "btn"}
              onClick={() => void act("register")}
              disabled={busy !== null || store.status !== "ACTIVE"}
            >
              {busy === "register" ? "Registering…" : "Register webhooks"}
            </button>
            <button
              type="button"
              className={unhealthy ? "btn btn-primary" : "btn"}
              onClick={() => void act("repair")}
              disabled={busy !== null || store.status !== "ACTIVE"}
            >
              {busy === "repair" ? "Repairing…" : "Repair webhooks"}
            </button>
          </div>
          {store.status !== "ACTIVE" && <p className="muted small">Available once the store is active.</p>}
        </>
      )}
      {actionError && (
        <p className="form-error" role="alert">
          {actionError}
        </p>
      )}
    </section>
  );
}
