import { useEffect, useRef, useState } from "react";
import { Outlet, useLocation } from "react-router-dom";
import { FullPageError, FullPageLoading } from "../components/States";
import { MeProvider } from "../me/MeContext";
import { useAuth } from "./AuthContext";

/** Guards every signed-in route: sends guests to Keycloak and back here afterwards. */
export function RequireAuth() {
  const { user, login } = useAuth();
  const location = useLocation();
  const [error, setError] = useState<unknown>();
  const started = useRef(false);
  const returnTo = location.pathname + location.search + location.hash;

  const start = () => {
    started.current = true;
    setError(undefined);
    login(returnTo).catch((e: unknown) => {
      started.current = false;
      setError(e);
    });
  };

  useEffect(() => {
    if (!user && !started.current) start();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [user]);

  if (user) {
    return (
      <MeProvider>
        <Outlet />
      </MeProvider>
    );
  }
  if (error) {
    return (
      <FullPageError
        title="Can't open the sign-in page"
        error={new Error("The sign-in service could not be reached. Please try again in a moment.")}
        onRetry={start}
      />
    );
  }
  return <FullPageLoading label="Redirecting you to sign in…" />;
}
