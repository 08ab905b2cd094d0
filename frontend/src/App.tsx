import { useMemo, useState } from "react";
import { createBrowserRouter, RouterProvider } from "react-router-dom";
import { ApiProvider } from "./api/ApiContext";
import { AuthProvider } from "./auth/AuthContext";
import { createUserManager } from "./auth/userManager";
import { AlertProvider } from "./components/Alerts";
import { FullPageError, FullPageLoading } from "./components/States";
import { loadPublicConfig, PublicConfigContext } from "./config/publicConfig";
import { routes } from "./routes";
import { useFetch } from "./utils/useFetch";

function Router() {
  const [router] = useState(() => createBrowserRouter(routes));
  return <RouterProvider router={router} />;
}

/** Loads the public config, then wires auth, API and routing. */
export default function App() {
  const { data: config, error, reload } = useFetch((signal) => loadPublicConfig(signal), []);
  const userManager = useMemo(() => (config ? createUserManager(config) : undefined), [config]);

  if (!config || !userManager) {
    if (error) return <FullPageError error={error} title="Can't start Counterlink" onRetry={reload} />;
    return <FullPageLoading label="Starting Counterlink…" />;
  }

  return (
    <PublicConfigContext.Provider value={config}>
      <AuthProvider userManager={userManager}>
        <ApiProvider>
          <AlertProvider>
            <Router />
          </AlertProvider>
        </ApiProvider>
      </AuthProvider>
    </PublicConfigContext.Provider>
  );
}
