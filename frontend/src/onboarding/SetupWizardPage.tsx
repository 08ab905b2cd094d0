import { useCallback, useEffect, useRef } from "react";
import { Link, Navigate, useNavigate, useParams, useSearchParams } from "react-router-dom";
import { useApi } from "../api/ApiContext";
import type { OnboardingStatus } from "../api/types";
import { ErrorState, LoadingState } from "../components/States";
import { useTenant } from "../tenant/TenantContext";
import { useFetch } from "../utils/useFetch";
import { useTitle } from "../utils/useTitle";
import { BridgeSetupStep } from "./steps/BridgeSetupStep";
import { DoneSetupStep } from "./steps/DoneSetupStep";
import { PreviewSetupStep } from "./steps/PreviewSetupStep";
import { SettingsSetupStep } from "./steps/SettingsSetupStep";
import { StartSetupStep } from "./steps/StartSetupStep";
import { StoresSetupStep } from "./steps/StoresSetupStep";
import { toSetup } from "./routes/Setup";
import { SETUP_STEPS, isSetupStep, stepDone, stepIdOf, type SetupStepId, type StoreProgress } from "./steps";

export interface StepProps {
  tenantId: string;
  isOwner: boolean;
  status: OnboardingStatus;
  /** The store the per-store steps are about. */
  store: StoreProgress | undefined;
  /** Re-read the progress in the background (keeps showing the current one). */
  refresh: () => void;
  /** Re-read the progress and go to the first unfinished step. */
  goOn: () => Promise<void>;
  /** Go to a step of the chosen store. */
  goTo: (step: SetupStepId) => void;
}

const storeSearch = (siteId: string | null | undefined) => (siteId ? `?store=${encodeURIComponent(siteId)}` : undefined);

function Stepper({ tenantId, current, status, store }: { tenantId: string; current: SetupStepId; status: OnboardingStatus; store?: StoreProgress }) {
  const navRef = useRef<HTMLElement>(null);
  // at a phone's width the steps scroll sideways: keep the current one in view
  useEffect(() => {
    navRef.current?.querySelector("[aria-current=step]")?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [current]);
  return (
    <nav className="setup-stepper" aria-label="Setup steps" ref={navRef}>
      <ol>
        {["Sign up", "Create your company"].map((label) => (
          <li key={label} className="setup-step setup-step-done">
            <span className="setup-step-item">
              <span className="setup-step-mark" aria-hidden="true">✓</span>
              <span className="setup-step-label">
                {label} <span className="visually-hidden">(done)</span>
              </span>
            </span>
          </li>
        ))}
        {SETUP_STEPS.filter((s) => s.id !== "done").map((s, i) => {
          const done = stepDone(s.id, status, store);
          const here = s.id === current;
          const cls = ["setup-step", done ? "setup-step-done" : "", here ? "setup-step-current" : ""].filter(Boolean).join(" ");
          return (
            <li key={s.id} className={cls}>
              <Link
                className="setup-step-item"
                to={toSetup({ tenantId, step: s.id }, storeSearch(store?.id))}
                aria-current={here ? "step" : undefined}
              >
                <span className="setup-step-mark" aria-hidden="true">
                  {done ? "✓" : i + 3}
                </span>
                <span className="setup-step-label">
                  {s.label}
                  {done && <span className="visually-hidden"> (done)</span>}
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

export default function SetupWizardPage() {
  useTitle("Set up Counterlink");
  const { tenant } = useTenant();
  const api = useApi();
  const navigate = useNavigate();
  const { step } = useParams();
  const [search, setSearch] = useSearchParams();
  const { data: status, error, reload, setData } = useFetch(
    (signal) => api.onboarding.status(tenant.id, { signal }),
    [api, tenant.id],
  );
  const headingRef = useRef<HTMLHeadingElement>(null);

  // moving between steps puts keyboard and screen reader focus on the step's heading
  const firstStep = useRef(true);
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  const goOn = useCallback(async () => {
    const fresh = await api.onboarding.status(tenant.id);
    setData(fresh);
    navigate(toSetup({ tenantId: tenant.id, step: stepIdOf(fresh.step) }, storeSearch(fresh.siteId)));
  }, [api, tenant.id, setData, navigate]);

  if (!status) {
    if (error) return <ErrorState error={error} title="Couldn't load your setup" onRetry={reload} />;
    return <LoadingState label="Loading your setup…" />;
  }

  if (!step) {
    return <Navigate replace to={toSetup({ tenantId: tenant.id, step: stepIdOf(status.step) }, storeSearch(status.siteId))} />;
  }
  if (!isSetupStep(step)) {
    return (
      <ErrorState error={undefined} title="Step not found" message="There is no such setup step.">
        <Link className="btn" to={toSetup({ tenantId: tenant.id })}>
          Continue the setup
        </Link>
      </ErrorState>
    );
  }

  const active = status.stores.filter((s) => s.status === "ACTIVE");
  const wanted = search.get("store");
  const store =
    active.find((s) => s.id === wanted) ?? active.find((s) => s.id === status.siteId) ?? active.find((s) => s.stage !== "DONE") ?? active[0];
  const perStore = step === "settings" || step === "preview" || step === "start";

  const props: StepProps = {
    tenantId: tenant.id,
    isOwner: tenant.role === "owner",
    status,
    store,
    refresh: reload,
    goOn,
    goTo: (s) => navigate(toSetup({ tenantId: tenant.id, step: s }, storeSearch(store?.id))),
  };
  const label = SETUP_STEPS.find((s) => s.id === step)!.label;

  let panel;
  if (perStore && !store) {
    panel = (
      <div className="notice notice-warn" role="status">
        <p className="notice-title">Link a store first</p>
        <p>This step is about one of your WooCommerce stores, and none is active yet.</p>
        <div className="actions">
          <Link className="btn btn-primary" to={toSetup({ tenantId: tenant.id, step: "stores" })}>
            Link a store
          </Link>
        </div>
      </div>
    );
  } else if (step === "bridge") panel = <BridgeSetupStep {...props} />;
  else if (step === "stores") panel = <StoresSetupStep {...props} />;
  else if (step === "settings") panel = <SettingsSetupStep key={store!.id} {...props} />;
  else if (step === "preview") panel = <PreviewSetupStep key={store!.id} {...props} />;
  else if (step === "start") panel = <StartSetupStep key={store!.id} {...props} />;
  else panel = <DoneSetupStep {...props} />;

  return (
    <div className="setup-page">
      <div className="page-header">
        <p className="muted small setup-kicker">Set up Counterlink</p>
        <h1 ref={headingRef} tabIndex={-1}>
          {label}
        </h1>
        {perStore && active.length > 1 && store && (
          <div className="field field-inline setup-store-picker">
            <label htmlFor="setup-store">Store</label>
            <select
              id="setup-store"
              value={store.id}
              onChange={(e) => {
                const next = new URLSearchParams(search);
                next.set("store", e.target.value);
                setSearch(next);
              }}
            >
              {active.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                  {s.stage === "DONE" ? " (syncing)" : ""}
                </option>
              ))}
            </select>
          </div>
        )}
        {perStore && active.length === 1 && store && <p className="lead">For the store “{store.name}”.</p>}
      </div>
      <div className="setup-layout">
        <Stepper tenantId={tenant.id} current={step} status={status} store={store} />
        <div className="setup-panel">{panel}</div>
      </div>
    </div>
  );
}
