import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";

export type AlertVariant = "success" | "info" | "danger";

interface Alert {
  id: number;
  message: string;
  variant: AlertVariant;
}

interface AlertsApi {
  addAlert: (message: string, variant?: AlertVariant) => void;
  addError: (message: string) => void;
}

const AlertContext = createContext<AlertsApi | undefined>(undefined);

const TIMEOUT_MS = 8000;

/** Short-lived notifications ("Company created") shown on top of every page. */
export function AlertProvider({ children }: { children: ReactNode }) {
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setAlerts((a) => a.filter((x) => x.id !== id)), []);

  const addAlert = useCallback(
    (message: string, variant: AlertVariant = "success") => {
      const id = nextId.current++;
      setAlerts((a) => [...a, { id, message, variant }]);
      window.setTimeout(() => dismiss(id), TIMEOUT_MS);
    },
    [dismiss],
  );
  const addError = useCallback((message: string) => addAlert(message, "danger"), [addAlert]);
  const api = useMemo(() => ({ addAlert, addError }), [addAlert, addError]);

  return (
    <AlertContext.Provider value={api}>
      {children}
      <div className="alerts" aria-live="polite">
        {alerts.map((a) => (
          <div key={a.id} className={`alert alert-${a.variant}`} role={a.variant === "danger" ? "alert" : "status"}>
            <span>{a.message}</span>
            <button type="button" className="alert-close" aria-label="Dismiss notification" onClick={() => dismiss(a.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </AlertContext.Provider>
  );
}

export function useAlerts(): AlertsApi {
  const ctx = useContext(AlertContext);
  if (!ctx) throw new Error("useAlerts must be used inside <AlertProvider>");
  return ctx;
}
