import { useState } from "react";
import { Navigate } from "react-router-dom";
import { useApi } from "../api/ApiContext";
import { useAuth } from "../auth/AuthContext";
import { homeFor } from "../auth/destination";
import { FullPageError, FullPageLoading } from "../components/States";
import { useFetch } from "../utils/useFetch";
import { useTitle } from "../utils/useTitle";

/** Signed in already: go straight to the company (or onboarding). */
function SignedInHome() {
  const api = useApi();
  const { data, error, reload } = useFetch((signal) => api.me.get({ signal }), [api]);
  if (data) return <Navigate to={homeFor(data)} replace />;
  if (error) return <FullPageError error={error} onRetry={reload} />;
  return <FullPageLoading label="Loading your account…" />;
}

export default function LandingPage() {
  useTitle(undefined);
  const { user, login, register } = useAuth();
  const [busy, setBusy] = useState<"login" | "register" | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (user) return <SignedInHome />;

  const go = (kind: "login" | "register") => {
    setBusy(kind);
    setError(null);
    (kind === "login" ? login("/") : register()).catch(() => {
      setBusy(null);
      setError("The sign-in service could not be reached. Please try again in a moment.");
    });
  };

  return (
    <main className="landing" id="main">
      <div className="landing-card">
        <div className="brand brand-large" aria-hidden="true">
          <span className="brand-mark">↔</span>
        </div>
        <h1>Counterlink</h1>
        <p className="lead">
          Keeps NCR Counterpoint and your WooCommerce stores in sync — products, prices, stock and orders, without
          double entry.
        </p>
        <div className="actions actions-center">
          <button type="button" className="btn btn-primary btn-lg" onClick={() => go("login")} disabled={busy !== null}>
            {busy === "login" ? "Opening sign-in…" : "Log in"}
          </button>
          <button type="button" className="btn btn-lg" onClick={() => go("register")} disabled={busy !== null}>
            {busy === "register" ? "Opening sign-up…" : "Create an account"}
          </button>
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </main>
  );
}
