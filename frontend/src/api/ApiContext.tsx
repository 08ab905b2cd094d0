import { createContext, useContext, useMemo, type ReactNode } from "react";
import { useAuth } from "../auth/AuthContext";
import { createCounterlinkApi, type CounterlinkApi } from "./counterlinkApi";
import { createHttpClient } from "./http";

const ApiContext = createContext<CounterlinkApi | undefined>(undefined);

/** Provides the API client, wired to the signed-in user's token. */
export function ApiProvider({ children }: { children: ReactNode }) {
  const { getAccessToken, reauthenticate } = useAuth();
  const api = useMemo(
    () =>
      createCounterlinkApi(
        createHttpClient({
          getAccessToken,
          onUnauthorized: () => reauthenticate(),
        }),
      ),
    [getAccessToken, reauthenticate],
  );
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): CounterlinkApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error("useApi must be used inside <ApiProvider>");
  return api;
}
