import { useEffect, useRef, useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { useApi } from "../api/ApiContext";
import { FullPageLoading } from "../components/States";
import { toLanding } from "../landing/routes/Landing";
import { useTitle } from "../utils/useTitle";
import { returnToFromState, useAuth } from "./AuthContext";
import { homeFor } from "./destination";
import { toSetup } from "../onboarding/routes/Setup";
import { pickTenant } from "../utils/lastTenant";
import { CALLBACK_PATH } from "./userManager";
import { errorMessage } from "../api/errors";

const RESTART_KEY = "counterlink.authExpiredRestartAt";
const RESTART_MIN_INTERVAL_MS = 30_000;

/**
 * Keycloak answers error_description=authentication_expired to a tab whose sign-in finished in another tab
 * (a new account verifies its email by opening the mailed link, usually in a new tab) or took too long. Its
 * advice: start the sign-in again, which Keycloak's session now completes without asking anything. Once per
 * 30 s, so a sign-in that keeps expiring shows the error instead of looping.
 */
function shouldRestartExpiredSignIn(): boolean {
  if (new URLSearchParams(window.location.search).get("error_description") !== "authentication_expired") return false;
  const last = Number(window.sessionStorage.getItem(RESTART_KEY) ?? 0);
  if (Date.now() - last < RESTART_MIN_INTERVAL_MS) return false;
  window.sessionStorage.setItem(RESTART_KEY, String(Date.now()));
  return true;
}

function describe(e: unknown): string {
  if (new URLSearchParams(window.location.search).get("error_description") === "authentication_expired") {
    return "The sign-in took too long or finished in another tab. Log in again.";
  }
  // oidc-client-ts ErrorResponse carries Keycloak's error / error_description.
  const err = e as { error?: string; error_description?: string };
  if (err?.error === "access_denied") return "Sign-in was cancelled.";
  if (err?.error_description) return err.error_description;
  if (err?.error) return `Keycloak reported: ${err.error}`;
  return errorMessage(e);
}

/** /auth/callback: finish the Keycloak redirect, then route the user on. */
export default function CallbackPage() {
  useTitle("Signing in");
  const { completeSignIn, login } = useAuth();
  const api = useApi();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);
  // The code can only be exchanged once, even under StrictMode's double effects.
  const signIn = useRef<ReturnType<typeof completeSignIn> | null>(null);
  const signedIn = useRef(false);
  const restarting = useRef(false);

  useEffect(() => {
    if (restarting.current) return;
    if (!signIn.current && shouldRestartExpiredSignIn()) {
      restarting.current = true;
      void login("/");
      return;
    }
    let cancelled = false;
    signIn.current ??= completeSignIn();
    signIn.current
      .then(async (user) => {
        signedIn.current = true;
        const returnTo = returnToFromState(user.state);
        if (returnTo && returnTo !== "/" && !returnTo.startsWith(CALLBACK_PATH)) return returnTo;
        const me = await api.me.get();
        // a company whose setup isn't finished resumes it where it stopped
        const tenant = pickTenant(me.memberships ?? []);
        if (tenant) {
          const setup = await api.onboarding.status(tenant.tenantId).catch(() => undefined);
          if (setup && setup.step !== "DONE") return toSetup({ tenantId: tenant.tenantId });
        }
        return homeFor(me);
      })
      .then(
        (to) => {
          if (!cancelled) navigate(to, { replace: true });
        },
        (e: unknown) => {
          if (!cancelled) setError(e);
        },
      );
    return () => {
      cancelled = true;
    };
  }, [completeSignIn, login, api, navigate, attempt]);

  if (!error) return <FullPageLoading label="Signing you in…" />;

  return (
    <main className="full-page" id="main">
      <div className="state state-error" role="alert">
        <h1 className="state-title">{signedIn.current ? "Couldn't load your account" : "Sign-in didn't complete"}</h1>
        <p>{describe(error)}</p>
        <div className="actions">
          <button type="button" className="btn btn-primary" onClick={() => void login("/")}>
            Log in again
          </button>
          {signedIn.current && (
            <button type="button" className="btn" onClick={() => { setError(undefined); setAttempt((a) => a + 1); }}>
              Try again
            </button>
          )}
          <Link className="btn btn-link" to={toLanding()}>
            Back to start
          </Link>
        </div>
      </div>
    </main>
  );
}
