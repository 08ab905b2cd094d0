import { useId, useState, type FormEvent, type ReactNode } from "react";
import { useApi } from "../api/ApiContext";
import { ApiError, errorMessage } from "../api/errors";
import type { CounterpointCode, CounterpointSetup, OrderSettings } from "../api/types";
import { useAlerts } from "../components/Alerts";
import { TextField } from "../components/Field";
import { ErrorState, LoadingState } from "../components/States";
import { useFetch } from "../utils/useFetch";

export const SEND_STATUSES: { value: string; label: string }[] = [
  { value: "pending", label: "Pending payment" },
  { value: "processing", label: "Processing (paid, to be shipped)" },
  { value: "on-hold", label: "On hold" },
  { value: "completed", label: "Completed" },
];

/** Payment method ids of WooCommerce's own gateways, offered as suggestions. */
export const COMMON_PAYMENT_METHODS = ["bacs", "cheque", "cod", "paypal", "stripe", "woocommerce_payments"];

/** Counterpoint's document misc charges are numbered 1 to 5 (ReadSetup does not read their names). */
export const MISC_CHARGES = [1, 2, 3, 4, 5];
/** The shipping select's value for "Counterpoint's e-commerce misc charge" (null in the API). */
const EC_CTL = "";

const CODE = /^[A-Za-z0-9_-]{1,10}$/;
/** The reference prefix: short enough that prefix + WooCommerce order number fit Counterpoint's 20-character REF. */
const PREFIX = /^[A-Za-z0-9_./-]{1,6}$/;
const METHOD = /^[A-Za-z0-9_-]{1,64}$/;

interface PayRow {
  key: number;
  method: string;
  code: string;
}

interface Form {
  sendStatus: string;
  documentType: "T" | "O";
  storeId: string;
  stationId: string;
  drawerId: string;
  defaultPayCode: string;
  taxCode: string;
  payRows: PayRow[];
  /** EC_CTL or "1".."5". */
  shippingMiscCharge: string;
  feeMiscCharge: string;
  referencePrefix: string;
}

const toForm = (s: OrderSettings): Form => ({
  sendStatus: s.sendStatus,
  documentType: s.documentType,
  storeId: s.storeId,
  stationId: s.stationId,
  drawerId: s.drawerId,
  defaultPayCode: s.defaultPayCode,
  taxCode: s.taxCode,
  payRows: Object.entries(s.payCodes).map(([method, code], i) => ({ key: i, method, code })),
  shippingMiscCharge: s.shippingMiscCharge == null ? EC_CTL : String(s.shippingMiscCharge),
  feeMiscCharge: String(s.feeMiscCharge),
  referencePrefix: s.referencePrefix ?? "",
});

type Errors = Record<string, string>;

/**
 * Checks the form against Counterpoint's lists (when the bridge could read them) and the code rules
 * the server applies; keys are the API's field names, `payCodes.<row key>` for a row.
 */
export function validateOrderForm(form: Form, setup: CounterpointSetup | undefined): Errors {
  const errors: Errors = {};
  const listed = (list: string[] | undefined, value: string) => !list || list.includes(value);
  const check = (field: keyof Form, value: string, what: string, list: string[] | undefined) => {
    if (!value) errors[field] = `Choose the ${what}.`;
    else if (!CODE.test(value)) errors[field] = `A ${what} is 1 to 10 letters, digits, - or _.`;
    else if (!listed(list, value)) errors[field] = `Counterpoint has no ${what} “${value}”: choose one from the list.`;
  };
  check("storeId", form.storeId, "store", setup?.stores.map((s) => s.storeId));
  check("stationId", form.stationId, "station", setup?.stations.filter((s) => s.storeId === form.storeId).map((s) => s.stationId));
  check("drawerId", form.drawerId, "drawer", setup?.drawers.filter((d) => d.storeId === form.storeId).map((d) => d.drawerId));
  check("defaultPayCode", form.defaultPayCode, "pay code", setup?.payCodes.map((c) => c.code));
  check("taxCode", form.taxCode, "tax code", setup?.taxCodes.map((c) => c.code));
  const seen = new Set<string>();
  for (const row of form.payRows) {
    const method = row.method.trim();
    const field = `payCodes.${row.key}`;
    if (!method) errors[`${field}.method`] = "Enter the payment method's id, or remove the row.";
    else if (!METHOD.test(method)) errors[`${field}.method`] = "Use the id WooCommerce shows, e.g. stripe or cod.";
    else if (seen.has(method)) errors[`${field}.method`] = `“${method}” is listed twice.`;
    seen.add(method);
    if (!row.code) errors[`${field}.code`] = "Choose a pay code.";
    else if (!listed(setup?.payCodes.map((c) => c.code), row.code))
      errors[`${field}.code`] = `Counterpoint has no pay code “${row.code}”.`;
  }
  if (!form.referencePrefix) errors.referencePrefix = "Enter a prefix, e.g. W1-.";
  else if (!PREFIX.test(form.referencePrefix))
    errors.referencePrefix = "A prefix is 1 to 6 letters, digits, -, _, / or . (no spaces).";
  if (form.shippingMiscCharge !== EC_CTL && form.shippingMiscCharge === form.feeMiscCharge)
    errors.feeMiscCharge = `Shipping already uses misc charge ${form.feeMiscCharge}: choose a different misc charge for fees.`;
  return errors;
}

/**
 * The server answers one message per problem, starting with the field's name; "shippingMiscCharge and
 * feeMiscCharge must be different…" belongs on the fee select, where the form shows its own check.
 */
function serverFieldError(message: string): [string, string] | undefined {
  if (/^shippingMiscCharge and feeMiscCharge\b/.test(message)) return ["feeMiscCharge", message];
  const m =
    /^(sendStatus|documentType|storeId|stationId|drawerId|defaultPayCode|taxCode|lookbackMinutes|shippingMiscCharge|feeMiscCharge|referencePrefix)\b/.exec(
      message,
    );
  return m ? [m[1], message] : undefined;
}

/** Order settings: when a WooCommerce order goes to Counterpoint, as what, and with which codes. */
export function OrderSettingsSection({
  tenantId,
  siteId,
  isOwner,
  onSaved,
  headingLevel = 2,
}: {
  tenantId: string;
  siteId: string;
  isOwner: boolean;
  onSaved?: (s: OrderSettings) => void;
  headingLevel?: 2 | 3;
}) {
  const api = useApi();
  const settings = useFetch((signal) => api.orderSettings.get(tenantId, siteId, { signal }), [api, tenantId, siteId]);
  const setup = useFetch((signal) => api.counterpoint.setup(tenantId, { signal }), [api, tenantId]);
  const Heading = `h${headingLevel}` as "h2" | "h3";
  const headingId = useId();

  let body;
  if (settings.data) {
    body = (
      <OrderSettingsForm
        key={JSON.stringify(settings.data)}
        tenantId={tenantId}
        siteId={siteId}
        isOwner={isOwner}
        saved={settings.data}
        onSaved={(s) => {
          settings.setData(s);
          onSaved?.(s);
        }}
        setup={setup.data}
        setupLoading={setup.loading && !setup.data}
        setupError={setup.error}
        onRetrySetup={setup.reload}
      />
    );
  } else if (settings.error) {
    body = <ErrorState error={settings.error} title="Couldn't load the order settings" onRetry={settings.reload} />;
  } else {
    body = <LoadingState label="Loading order settings…" />;
  }
  return (
    <section className="card" aria-labelledby={headingId}>
      <Heading id={headingId}>Order settings</Heading>
      <p>How WooCommerce orders are written into Counterpoint: when, as what, and with which store, drawer and pay codes.</p>
      {body}
    </section>
  );
}

interface FormProps {
  tenantId: string;
  siteId: string;
  isOwner: boolean;
  saved: OrderSettings;
  onSaved: (s: OrderSettings) => void;
  setup: CounterpointSetup | undefined;
  setupLoading: boolean;
  setupError: unknown;
  onRetrySetup: () => void;
}

function CodeSelect({
  label,
  value,
  onChange,
  choices,
  error,
  hint,
  setupReady,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  choices: { value: string; label: string }[];
  error?: string;
  hint?: ReactNode;
  setupReady: boolean;
}) {
  const id = useId();
  if (!setupReady) {
    return (
      <TextField
        className="field-short"
        label={label}
        value={value}
        onChange={(e) => onChange(e.target.value.trim())}
        error={error}
        hint={hint}
        autoComplete="off"
        spellCheck={false}
      />
    );
  }
  const listed = choices.some((c) => c.value === value);
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      >
        {!value && !listed && <option value="">Choose…</option>}
        {value && !listed && <option value={value}>{value} (not in Counterpoint)</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

const codeChoices = (codes: CounterpointCode[]) =>
  codes.map((c) => ({ value: c.code, label: c.description ? `${c.code} — ${c.description}` : c.code }));

function OrderSettingsForm({ tenantId, siteId, isOwner, saved, onSaved, setup, setupLoading, setupError, onRetrySetup }: FormProps) {
  const api = useApi();
  const { addAlert } = useAlerts();
  const id = useId();
  const [form, setForm] = useState<Form>(() => toForm(saved));
  const [nextKey, setNextKey] = useState(() => Object.keys(saved.payCodes).length);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const setRow = (key: number, patch: Partial<PayRow>) =>
    set({ payRows: form.payRows.map((r) => (r.key === key ? { ...r, ...patch } : r)) });

  const ready = !!setup;
  const offline = setupError instanceof ApiError && (setupError.problem.code === "BRIDGE_OFFLINE" || setupError.status === 503);

  const stores = setup?.stores.map((s) => ({ value: s.storeId, label: s.description ? `${s.storeId} — ${s.description}` : s.storeId })) ?? [];
  const stations =
    setup?.stations
      .filter((s) => s.storeId === form.storeId)
      .map((s) => ({ value: s.stationId, label: s.description ? `${s.stationId} — ${s.description}` : s.stationId })) ?? [];
  const drawers = setup?.drawers.filter((d) => d.storeId === form.storeId).map((d) => ({ value: d.drawerId, label: d.drawerId })) ?? [];
  const payCodes = setup ? codeChoices(setup.payCodes) : [];
  const taxCodes = setup ? codeChoices(setup.taxCodes) : [];
  const miscCharges = MISC_CHARGES.map((n) => ({ value: String(n), label: `Misc charge ${n}` }));
  const shippingChoices = [{ value: EC_CTL, label: "Counterpoint's e-commerce misc charge (EC_CTL)" }, ...miscCharges];
  const feeChoices = miscCharges;

  const chooseStore = (storeId: string) => {
    if (!setup) return set({ storeId });
    const firstStation = setup.stations.find((s) => s.storeId === storeId)?.stationId ?? "";
    const firstDrawer = setup.drawers.find((d) => d.storeId === storeId)?.drawerId ?? "";
    const keepStation = setup.stations.some((s) => s.storeId === storeId && s.stationId === form.stationId);
    const keepDrawer = setup.drawers.some((d) => d.storeId === storeId && d.drawerId === form.drawerId);
    set({ storeId, stationId: keepStation ? form.stationId : firstStation, drawerId: keepDrawer ? form.drawerId : firstDrawer });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(undefined);
    const found = validateOrderForm(form, setup);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError("Fix the fields marked below, then save again.");
      return;
    }
    const body: OrderSettings = {
      sendStatus: form.sendStatus,
      documentType: form.documentType,
      storeId: form.storeId,
      stationId: form.stationId,
      drawerId: form.drawerId,
      defaultPayCode: form.defaultPayCode,
      taxCode: form.taxCode,
      payCodes: Object.fromEntries(form.payRows.map((r) => [r.method.trim(), r.code])),
      lookbackMinutes: saved.lookbackMinutes,
      shippingMiscCharge: form.shippingMiscCharge === EC_CTL ? null : Number(form.shippingMiscCharge),
      feeMiscCharge: Number(form.feeMiscCharge),
      referencePrefix: form.referencePrefix,
    };
    setBusy(true);
    try {
      const result = await api.orderSettings.save(tenantId, siteId, body);
      addAlert("Order settings saved.");
      onSaved(result);
    } catch (err) {
      const field = err instanceof ApiError && err.status === 400 ? serverFieldError(err.problem.detail ?? "") : undefined;
      if (field) {
        setErrors({ [field[0]]: field[1] });
        setFormError("Fix the fields marked below, then save again.");
      } else {
        setFormError(errorMessage(err));
      }
    } finally {
      setBusy(false);
    }
  };

  const statusHint =
    form.documentType === "T"
      ? "Usually “Completed”: the sale is final when WooCommerce completes the order."
      : "Usually “Processing”: paid orders become open orders to fulfil in Counterpoint.";

  return (
    <form className="form stack order-settings-form" aria-label="Order settings" onSubmit={(e) => void submit(e)} noValidate>
      {!isOwner && (
        <p className="muted" data-testid="owner-only-note">
          Only an owner of this company can change these settings.
        </p>
      )}
      {setupLoading && <p className="muted small">Reading stores, drawers and pay codes from Counterpoint…</p>}
      {!setupLoading && !ready && (
        <div className="notice notice-warn" role="status" data-testid="order-setup-unavailable">
          <p className="notice-title">
            {offline ? "The bridge is offline, so Counterpoint's codes can't be listed" : "Couldn't read Counterpoint's codes"}
          </p>
          <p>{errorMessage(setupError)}</p>
          <p className="small">
            {offline
              ? "Check that the bridge runs on the Counterpoint server (Bridge page), then try again — or type the codes below."
              : "Try again, or type the codes below."}
          </p>
          <div className="actions">
            <button type="button" className="btn btn-small" onClick={onRetrySetup}>
              Try again
            </button>
          </div>
        </div>
      )}
      <fieldset className="fieldset-plain" disabled={!isOwner || busy}>
        <fieldset className="fieldset">
          <legend>When an order goes to Counterpoint</legend>
          <div className="radio-group" role="radiogroup" aria-label="Write orders as">
            <div className="radio">
              <input
                id={`${id}-doc-T`}
                type="radio"
                name={`${id}-doc`}
                checked={form.documentType === "T"}
                onChange={() => set({ documentType: "T", sendStatus: form.sendStatus === "processing" ? "completed" : form.sendStatus })}
              />
              <label htmlFor={`${id}-doc-T`}>Ticket (a finished sale)</label>
            </div>
            <div className="radio">
              <input
                id={`${id}-doc-O`}
                type="radio"
                name={`${id}-doc`}
                checked={form.documentType === "O"}
                onChange={() => set({ documentType: "O", sendStatus: form.sendStatus === "completed" ? "processing" : form.sendStatus })}
              />
              <label htmlFor={`${id}-doc-O`}>Open order (to fulfil in Counterpoint)</label>
            </div>
          </div>
          <div className="field">
            <label htmlFor={`${id}-status`}>Send orders when their WooCommerce status is</label>
            <select
              id={`${id}-status`}
              value={form.sendStatus}
              onChange={(e) => set({ sendStatus: e.target.value })}
              aria-describedby={`${id}-status-hint`}
            >
              {SEND_STATUSES.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
            <p className="field-hint" id={`${id}-status-hint`}>
              {statusHint} Orders cancelled or refunded before then are never written.
            </p>
          </div>
        </fieldset>

        <fieldset className="fieldset">
          <legend>Where orders are rung up</legend>
          <div className="field-row">
            <CodeSelect label="Counterpoint store" value={form.storeId} onChange={chooseStore} choices={stores} error={errors.storeId} setupReady={ready} />
            <CodeSelect
              label="Station"
              value={form.stationId}
              onChange={(v) => set({ stationId: v })}
              choices={stations}
              error={errors.stationId}
              setupReady={ready}
              hint={ready && stations.length === 0 ? "This store has no stations in Counterpoint." : undefined}
            />
            <CodeSelect
              label="Drawer"
              value={form.drawerId}
              onChange={(v) => set({ drawerId: v })}
              choices={drawers}
              error={errors.drawerId}
              setupReady={ready}
              hint={ready && drawers.length === 0 ? "This store has no drawers in Counterpoint." : undefined}
            />
          </div>
          <CodeSelect
            label="Tax code"
            value={form.taxCode}
            onChange={(v) => set({ taxCode: v })}
            choices={taxCodes}
            error={errors.taxCode}
            setupReady={ready}
            hint="Tax is recorded as WooCommerce charged it, under this Counterpoint tax code."
          />
        </fieldset>

        <fieldset className="fieldset">
          <legend>Pay codes</legend>
          <CodeSelect
            label="Default pay code"
            value={form.defaultPayCode}
            onChange={(v) => set({ defaultPayCode: v })}
            choices={payCodes}
            error={errors.defaultPayCode}
            setupReady={ready}
            hint="For every payment method not listed below."
          />
          {form.payRows.length > 0 && (
            <ul className="pay-rows" aria-label="Pay code per payment method">
              {form.payRows.map((row, i) => {
                const name = row.method.trim() || `row ${i + 1}`;
                return (
                  <li key={row.key} className="pay-row">
                    <TextField
                      label={`WooCommerce payment method ${i + 1}`}
                      value={row.method}
                      onChange={(e) => setRow(row.key, { method: e.target.value })}
                      error={errors[`payCodes.${row.key}.method`]}
                      list={`${id}-methods`}
                      autoComplete="off"
                      spellCheck={false}
                    />
                    <CodeSelect
                      label={`Pay code for ${name}`}
                      value={row.code}
                      onChange={(v) => setRow(row.key, { code: v })}
                      choices={payCodes}
                      error={errors[`payCodes.${row.key}.code`]}
                      setupReady={ready}
                    />
                    <button
                      type="button"
                      className="btn btn-small btn-link pay-row-remove"
                      onClick={() => set({ payRows: form.payRows.filter((r) => r.key !== row.key) })}
                    >
                      Remove {name}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          <datalist id={`${id}-methods`}>
            {COMMON_PAYMENT_METHODS.map((m) => (
              <option key={m} value={m} />
            ))}
          </datalist>
          <div className="actions">
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                set({ payRows: [...form.payRows, { key: nextKey, method: "", code: "" }] });
                setNextKey((k) => k + 1);
              }}
            >
              Add a payment method
            </button>
          </div>
          <p className="field-hint">
            The id is in WooCommerce → Settings → Payments (e.g. <code>stripe</code>, <code>cod</code>, <code>bacs</code>).
          </p>
        </fieldset>

        <fieldset className="fieldset">
          <legend>Order reference in Counterpoint</legend>
          <TextField
            className="field-short"
            label="Order reference prefix"
            value={form.referencePrefix}
            onChange={(e) => set({ referencePrefix: e.target.value.trim() })}
            error={errors.referencePrefix}
            maxLength={6}
            autoComplete="off"
            spellCheck={false}
            hint={
              <>
                Each web order's reference in Counterpoint is this prefix and the WooCommerce order number
                {PREFIX.test(form.referencePrefix) ? (
                  <>
                    , e.g. <code data-testid="reference-example">{form.referencePrefix}213</code>
                  </>
                ) : null}
                . Every store of your company has its own, so two stores' order 213 stay apart in Counterpoint; search
                the order ledger by it. 1 to 6 letters, digits, -, _, / or .
              </>
            }
          />
        </fieldset>

        <fieldset className="fieldset">
          <legend>Shipping and fees</legend>
          <CodeSelect
            label="Misc charge for shipping"
            value={form.shippingMiscCharge}
            onChange={(v) => set({ shippingMiscCharge: v })}
            choices={shippingChoices}
            error={errors.shippingMiscCharge}
            setupReady
            hint={
              <>
                WooCommerce's shipping total goes to this misc charge. Counterpoint's e-commerce misc charge is the one its
                e-commerce control sets for web orders (<code>EC_CTL.ORD_MISC_CHRG_NO</code>).
              </>
            }
          />
          <CodeSelect
            label="Misc charge for fees"
            value={form.feeMiscCharge}
            onChange={(v) => set({ feeMiscCharge: v })}
            choices={feeChoices}
            error={errors.feeMiscCharge}
            setupReady
            hint={
              form.shippingMiscCharge === EC_CTL
                ? "WooCommerce's fee lines, summed. Use a different misc charge than Counterpoint's e-commerce one, or orders with fees wait for you."
                : "WooCommerce's fee lines, summed. Must differ from the misc charge for shipping."
            }
          />
          <p className="field-hint" data-testid="charge-tax-note">
            Shipping and fees count as taxable in Counterpoint exactly when WooCommerce charged tax on them, order by order,
            so Counterpoint's taxable amounts match the tax WooCommerce charged. There is nothing to set.
          </p>
        </fieldset>
      </fieldset>

      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      {isOwner && (
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? "Saving…" : "Save order settings"}
          </button>
        </div>
      )}
    </form>
  );
}
