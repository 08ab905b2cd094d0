import { useId, useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { useApi } from "../api/ApiContext";
import { ApiError, errorMessage } from "../api/errors";
import {
  PRICE_LEVELS,
  type CatalogSettings,
  type CounterpointCode,
  type Ownership,
  type PriceLevel,
  type SaleSource,
  type SyncRun,
  type SyncRunItem,
} from "../api/types";
import { useAlerts } from "../components/Alerts";
import { TextField } from "../components/Field";
import { ErrorState, LoadingState } from "../components/States";
import { useFetch } from "../utils/useFetch";
import { useRefreshBurst } from "../utils/useRefreshBurst";
import { RunStatusBadge } from "./labels";
import { toStoreRun } from "./routes/Stores";

/** After "Run a preview": look for its run every 2 s, up to 30 times, until it has finished. */
export const PREVIEW_POLL_MS = 2_000;
export const PREVIEW_POLL_TIMES = 30;

const PRICE_LEVEL_LABELS: Record<PriceLevel, string> = {
  REG_PRC: "Regular price (REG_PRC)",
  PRC_1: "Price 1 (PRC_1)",
  PRC_2: "Price 2 (PRC_2)",
  PRC_3: "Price 3 (PRC_3)",
};

const SALE_SOURCES: { value: SaleSource; label: string; hint: string }[] = [
  { value: "NONE", label: "No sale prices", hint: "WooCommerce shows the regular price only." },
  { value: "PRICE_LEVEL", label: "A price level", hint: "The sale price comes from another Counterpoint price level." },
  { value: "PROMOTIONS", label: "Counterpoint promotions", hint: "The sale price comes from active promotions." },
];

export const OWNERSHIP_HINTS: Record<Ownership, string> = {
  SET_ONCE: "Set once: written when the product is created, then yours to edit in WooCommerce",
  ALWAYS: "Always: kept equal to Counterpoint",
};

const OWNED_FIELDS: { key: keyof CatalogSettings["ownership"]; label: string }[] = [
  { key: "name", label: "Product name" },
  { key: "descriptions", label: "Descriptions" },
  { key: "categories", label: "Categories" },
];

interface Form {
  locations: string[];
  locationsText: string;
  regularPriceLevel: PriceLevel;
  saleSource: SaleSource;
  salePriceLevel: PriceLevel | "";
  safetyBuffer: string;
  newProductsAsDraft: boolean;
  ownership: CatalogSettings["ownership"];
}

const toForm = (s: CatalogSettings): Form => ({
  locations: s.locations,
  locationsText: s.locations.join(", "),
  regularPriceLevel: s.regularPriceLevel,
  saleSource: s.saleSource,
  salePriceLevel: s.salePriceLevel ?? "",
  safetyBuffer: String(s.safetyBuffer),
  newProductsAsDraft: s.newProductsAsDraft,
  ownership: { ...s.ownership },
});

const parseLocations = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((l) => l.trim().toUpperCase())
    .filter(Boolean);

/** The first-sync preview: what the products job would do, counted by outcome. */
export interface PreviewSummary {
  run: SyncRun;
  counts: { create: number; adopt: number; conflicts: number; leftAlone: number } | null;
}

export function countItems(items: SyncRunItem[]) {
  const counts = { create: 0, adopt: 0, conflicts: 0, leftAlone: 0 };
  for (const item of items) {
    if (item.outcome === "CREATED") counts.create++;
    else if (item.outcome === "ADOPTED") counts.adopt++;
    else if (item.outcome === "FAILED") counts.conflicts++;
    else if (item.outcome === "SKIPPED") counts.leftAlone++;
  }
  return counts;
}

const finished = (run: SyncRun) => run.status !== "RUNNING";

export function PreviewPanel({
  tenantId,
  siteId,
  onFinished,
}: {
  tenantId: string;
  siteId: string;
  onFinished?: (summary: PreviewSummary) => void;
}) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [known, setKnown] = useState<Set<string> | null>(null);
  const [summary, setSummary] = useState<PreviewSummary>();

  /** Finds the new preview run; true once it has finished and its items are counted. */
  const look = async (before: Set<string>, signal?: AbortSignal) => {
    const runs = await api.sync.runs(tenantId, siteId, "PRODUCTS", { signal });
    const mine = runs.find((r) => r.runTrigger === "PREVIEW" && !before.has(r.id));
    if (!mine) return false;
    if (!finished(mine)) {
      setSummary({ run: mine, counts: null });
      return false;
    }
    const detail = await api.sync.run(tenantId, siteId, mine.id, { signal });
    const done = { run: detail.run, counts: countItems(detail.items) };
    setSummary(done);
    onFinished?.(done);
    return true;
  };

  const burst = useRefreshBurst((signal) => (known ? look(known, signal) : Promise.resolve(true)), {
    intervalMs: PREVIEW_POLL_MS,
    times: PREVIEW_POLL_TIMES,
  });

  const start = async () => {
    setBusy(true);
    setError(undefined);
    setSummary(undefined);
    try {
      const runs = await api.sync.runs(tenantId, siteId, "PRODUCTS");
      const before = new Set(runs.filter((r) => r.runTrigger === "PREVIEW").map((r) => r.id));
      setKnown(before);
      await api.catalog.preview(tenantId, siteId);
      if (!(await look(before))) burst.start();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const waiting = busy || burst.active;
  const run = summary?.run;
  return (
    <div className="catalog-preview">
      <h3>Preview</h3>
      <p className="muted">
        Shows what the first sync would create, adopt (match by SKU), refuse as a conflict or leave alone — without
        changing anything in WooCommerce.
      </p>
      <div className="actions">
        <button type="button" className="btn" onClick={() => void start()} disabled={waiting}>
          {waiting ? "Running preview…" : "Run a preview"}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div role="status" aria-live="polite">
        {waiting && !summary?.counts && <p className="muted small">Reading items from Counterpoint and the store…</p>}
        {run && summary?.counts && (
          <div className="preview-summary">
            <p>
              Preview <RunStatusBadge status={run.status} />
            </p>
            {run.statusReason && <p className="small">{run.statusReason}</p>}
            <ul className="preview-counts" aria-label="Preview summary">
              <li>
                <strong>{summary.counts.create}</strong> would be created
              </li>
              <li>
                <strong>{summary.counts.adopt}</strong> would be adopted
              </li>
              <li className={summary.counts.conflicts > 0 ? "count-failed" : undefined}>
                <strong>{summary.counts.conflicts}</strong> conflicts
              </li>
              <li>
                <strong>{summary.counts.leftAlone}</strong> left alone
              </li>
            </ul>
          </div>
        )}
        {run && !summary?.counts && !waiting && (
          <p className="small">The preview is still running; its details fill in as it goes.</p>
        )}
        {run && (
          <p className="small">
            <Link to={toStoreRun({ tenantId, siteId, runId: run.id })}>View preview details</Link>
          </p>
        )}
      </div>
    </div>
  );
}

/** Catalog settings: where stock comes from, which prices, how new products appear, who owns which field. */
export function CatalogSettingsSection({
  tenantId,
  siteId,
  isOwner,
  withPreview = true,
  onSaved,
}: {
  tenantId: string;
  siteId: string;
  isOwner: boolean;
  /** The setup wizard shows the preview as a step of its own. */
  withPreview?: boolean;
  onSaved?: (s: CatalogSettings) => void;
}) {
  const api = useApi();
  const settings = useFetch((signal) => api.catalog.settings(tenantId, siteId, { signal }), [api, tenantId, siteId]);
  const setup = useFetch((signal) => api.counterpoint.setup(tenantId, { signal }), [api, tenantId]);

  let body;
  if (settings.data) {
    body = (
      <SettingsForm
        key={JSON.stringify(settings.data)}
        tenantId={tenantId}
        siteId={siteId}
        isOwner={isOwner}
        saved={settings.data}
        onSaved={(s) => {
          settings.setData(s);
          onSaved?.(s);
        }}
        setupLocations={setup.data?.locations}
        setupLoading={setup.loading && !setup.data}
        setupError={setup.error}
        onRetrySetup={setup.reload}
        startsSyncing={withPreview && settings.data.configured !== true}
      />
    );
  } else if (settings.error) {
    body = <ErrorState error={settings.error} title="Couldn't load the catalog settings" onRetry={settings.reload} />;
  } else {
    body = <LoadingState label="Loading catalog settings…" />;
  }

  return (
    <section className="card" aria-labelledby="catalog-heading">
      <h2 id="catalog-heading">Catalog settings</h2>
      {withPreview ? (
        <>
          <p>Before the first sync: choose settings, run a preview, then save to start.</p>
          <ol className="steps-inline small muted">
            <li>Choose the stock locations, prices and what Counterlink keeps up to date.</li>
            <li>Run a preview to see what the first sync would do.</li>
            <li>Save: the products, inventory and prices jobs start on their schedules.</li>
          </ol>
        </>
      ) : (
        <p>Where stock comes from, which prices WooCommerce shows, and what Counterlink keeps up to date.</p>
      )}
      {body}
      {withPreview && <PreviewPanel tenantId={tenantId} siteId={siteId} />}
    </section>
  );
}

interface FormProps {
  tenantId: string;
  siteId: string;
  isOwner: boolean;
  saved: CatalogSettings;
  onSaved: (s: CatalogSettings) => void;
  setupLocations: CounterpointCode[] | undefined;
  setupLoading: boolean;
  setupError: unknown;
  onRetrySetup: () => void;
  /** True on a store's first save outside the setup wizard (there the jobs wait for its "Start syncing"). */
  startsSyncing: boolean;
}

function SettingsForm({ tenantId, siteId, isOwner, saved, onSaved, setupLocations, setupLoading, setupError, onRetrySetup, startsSyncing }: FormProps) {
  const api = useApi();
  const { addAlert } = useAlerts();
  const id = useId();
  const [form, setForm] = useState<Form>(() => toForm(saved));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));

  const useCheckboxes = !!setupLocations;
  // saved codes Counterpoint no longer lists stay visible (and can be unticked)
  const choices: CounterpointCode[] = setupLocations
    ? [
        ...setupLocations,
        ...saved.locations
          .filter((l) => !setupLocations.some((c) => c.code.toUpperCase() === l))
          .map((code) => ({ code, description: "not listed by Counterpoint" })),
      ]
    : [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFieldErrors({});
    setFormError(undefined);
    const buffer = Number(form.safetyBuffer);
    if (form.safetyBuffer.trim() === "" || !Number.isInteger(buffer)) {
      setFieldErrors({ safetyBuffer: "Enter a whole number of units (0 for none)." });
      return;
    }
    const body: CatalogSettings = {
      locations: useCheckboxes ? form.locations : parseLocations(form.locationsText),
      regularPriceLevel: form.regularPriceLevel,
      saleSource: form.saleSource,
      salePriceLevel: form.saleSource === "PRICE_LEVEL" && form.salePriceLevel ? form.salePriceLevel : null,
      safetyBuffer: buffer,
      newProductsAsDraft: form.newProductsAsDraft,
      ownership: form.ownership,
    };
    setBusy(true);
    try {
      const result = await api.catalog.saveSettings(tenantId, siteId, body);
      addAlert(startsSyncing ? "Catalog settings saved. Products, stock and prices now sync on their schedules." : "Catalog settings saved.");
      onSaved(result);
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && Object.keys(err.fieldErrors).length > 0) {
        setFieldErrors(err.fieldErrors);
        setFormError("Fix the fields marked below, then save again.");
      } else {
        setFormError(errorMessage(err));
      }
    } finally {
      setBusy(false);
    }
  };

  const errorProps = (field: string) =>
    fieldErrors[field]
      ? { "aria-invalid": true as const, "aria-describedby": `${id}-${field.replace(".", "-")}-error` }
      : {};
  const fieldError = (field: string) =>
    fieldErrors[field] ? (
      <p className="field-error" id={`${id}-${field.replace(".", "-")}-error`} role="alert">
        {fieldErrors[field]}
      </p>
    ) : null;

  const offline =
    setupError instanceof ApiError && (setupError.problem.code === "BRIDGE_OFFLINE" || setupError.status === 503);

  return (
    <form className="form stack catalog-form" aria-label="Catalog settings" onSubmit={(e) => void submit(e)} noValidate>
      {!isOwner && (
        <p className="muted" data-testid="owner-only-note">
          Only an owner of this company can change these settings.
        </p>
      )}
      <fieldset className="fieldset-plain" disabled={!isOwner || busy}>
        <fieldset className="fieldset" aria-describedby={fieldErrors.locations ? `${id}-locations-error` : undefined}>
          <legend>Stock locations</legend>
          <p className="field-hint">WooCommerce stock is the sum of these Counterpoint locations.</p>
          {setupLoading && <p className="muted small">Reading locations from Counterpoint…</p>}
          {useCheckboxes &&
            (choices.length === 0 ? (
              <p className="muted small">Counterpoint lists no stock locations.</p>
            ) : (
              <div className="checkbox-grid">
                {choices.map((c) => {
                  const code = c.code.toUpperCase();
                  const boxId = `${id}-loc-${code}`;
                  return (
                    <div className="checkbox" key={code}>
                      <input
                        id={boxId}
                        type="checkbox"
                        checked={form.locations.includes(code)}
                        onChange={(e) =>
                          set({
                            locations: e.target.checked
                              ? [...form.locations, code]
                              : form.locations.filter((l) => l !== code),
                          })
                        }
                      />
                      <label htmlFor={boxId}>
                        {code}
                        {c.description ? ` — ${c.description}` : ""}
                      </label>
                    </div>
                  );
                })}
              </div>
            ))}
          {!setupLoading && !useCheckboxes && (
            <>
              <div className="notice notice-warn" role="status" data-testid="setup-unavailable">
                <p className="notice-title">
                  {offline ? "The bridge is offline, so Counterpoint's locations can't be listed" : "Couldn't read Counterpoint's locations"}
                </p>
                <p>{errorMessage(setupError)}</p>
                <div className="actions">
                  <button type="button" className="btn btn-small" onClick={onRetrySetup}>
                    Try again
                  </button>
                </div>
              </div>
              <TextField
                label="Location codes"
                hint="Counterpoint location IDs (LOC_ID), separated by commas, e.g. MAIN, WH1."
                value={form.locationsText}
                onChange={(e) => set({ locationsText: e.target.value })}
                error={fieldErrors.locations}
                autoComplete="off"
              />
            </>
          )}
          {useCheckboxes && fieldError("locations")}
        </fieldset>

        <div className="field">
          <label htmlFor={`${id}-regular`}>Regular price level</label>
          <select
            id={`${id}-regular`}
            value={form.regularPriceLevel}
            onChange={(e) => set({ regularPriceLevel: e.target.value as PriceLevel })}
            {...errorProps("regularPriceLevel")}
          >
            {PRICE_LEVELS.map((p) => (
              <option key={p} value={p}>
                {PRICE_LEVEL_LABELS[p]}
              </option>
            ))}
          </select>
          {fieldError("regularPriceLevel")}
        </div>

        <fieldset className="fieldset">
          <legend>Sale price</legend>
          {SALE_SOURCES.map((s) => (
            <div className="radio" key={s.value}>
              <input
                id={`${id}-sale-${s.value}`}
                type="radio"
                name={`${id}-sale`}
                value={s.value}
                checked={form.saleSource === s.value}
                onChange={() => set({ saleSource: s.value })}
                aria-describedby={`${id}-sale-${s.value}-hint`}
              />
              <label htmlFor={`${id}-sale-${s.value}`}>{s.label}</label>
              <span className="field-hint" id={`${id}-sale-${s.value}-hint`}>
                {s.hint}
              </span>
            </div>
          ))}
          {fieldError("saleSource")}
          {form.saleSource === "PRICE_LEVEL" && (
            <div className="field">
              <label htmlFor={`${id}-sale-level`}>Sale price level</label>
              <select
                id={`${id}-sale-level`}
                value={form.salePriceLevel}
                onChange={(e) => set({ salePriceLevel: e.target.value as PriceLevel | "" })}
                {...errorProps("salePriceLevel")}
              >
                <option value="">Choose a price level</option>
                {PRICE_LEVELS.map((p) => (
                  <option key={p} value={p}>
                    {PRICE_LEVEL_LABELS[p]}
                  </option>
                ))}
              </select>
              {fieldError("salePriceLevel")}
            </div>
          )}
        </fieldset>

        <TextField
          className="field-short"
          label="Safety buffer"
          type="number"
          inputMode="numeric"
          min={0}
          max={100000}
          step={1}
          hint="Units held back from each product's stock, so WooCommerce doesn't sell the last ones."
          value={form.safetyBuffer}
          onChange={(e) => set({ safetyBuffer: e.target.value })}
          error={fieldErrors.safetyBuffer}
        />

        <div className="checkbox">
          <input
            id={`${id}-draft`}
            type="checkbox"
            checked={form.newProductsAsDraft}
            onChange={(e) => set({ newProductsAsDraft: e.target.checked })}
            aria-describedby={`${id}-draft-hint`}
          />
          <label htmlFor={`${id}-draft`}>Create new products as drafts</label>
        </div>
        <p className="field-hint" id={`${id}-draft-hint`}>
          Drafts stay hidden from shoppers until you publish them in WooCommerce.
        </p>
        {fieldError("newProductsAsDraft")}

        <fieldset className="fieldset">
          <legend>Who owns each field</legend>
          {OWNED_FIELDS.map(({ key, label }) => {
            const field = `ownership.${key}`;
            const selectId = `${id}-own-${key}`;
            const hintId = `${selectId}-hint`;
            const describedBy = [fieldErrors[field] ? `${id}-ownership-${key}-error` : null, hintId]
              .filter(Boolean)
              .join(" ");
            return (
              <div className="field" key={key}>
                <label htmlFor={selectId}>{label}</label>
                <select
                  id={selectId}
                  value={form.ownership[key]}
                  onChange={(e) => set({ ownership: { ...form.ownership, [key]: e.target.value as Ownership } })}
                  aria-invalid={fieldErrors[field] ? true : undefined}
                  aria-describedby={describedBy}
                >
                  <option value="SET_ONCE">Set once</option>
                  <option value="ALWAYS">Always</option>
                </select>
                <p className="field-hint" id={hintId}>
                  {OWNERSHIP_HINTS[form.ownership[key]]}
                </p>
                {fieldError(field)}
              </div>
            );
          })}
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
            {busy ? "Saving…" : startsSyncing ? "Save and start syncing" : "Save settings"}
          </button>
          {startsSyncing && (
            <span className="field-hint">Saving starts syncing: the products, inventory and prices jobs get scheduled.</span>
          )}
        </div>
      )}
    </form>
  );
}
