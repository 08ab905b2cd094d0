import { createContext, useContext, useMemo, type ReactNode } from "react";
import { useApi } from "../api/ApiContext";
import type { Me } from "../api/types";
import { FullPageError, FullPageLoading } from "../components/States";
import { useFetch } from "../utils/useFetch";

interface MeContextValue {
  me: Me;
  /** Fetch /api/me again, e.g. after creating a company. */
  refresh: () => void;
}

const MeContext = createContext<MeContextValue | undefined>(undefined);

/** Loads the signed-in user's profile and memberships once for all signed-in pages. */
export function MeProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const { data, error, reload } = useFetch((signal) => api.me.get({ signal }), [api]);
  const value = useMemo(() => (data ? { me: data, refresh: reload } : undefined), [data, reload]);

  // Keep showing the page while refreshing; only block on the first load.
  if (!value) {
    if (error) return <FullPageError error={error} onRetry={reload} />;
    return <FullPageLoading label="Loading your account…" />;
  }
  return <MeContext.Provider value={value}>{children}</MeContext.Provider>;
}

export function useMe(): MeContextValue {
  const ctx = useContext(MeContext);
  if (!ctx) throw new Error("useMe must be used inside <MeProvider>");
  return ctx;
}
