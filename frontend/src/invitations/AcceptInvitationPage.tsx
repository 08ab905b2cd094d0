import { useEffect, useRef, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { useApi } from "../api/ApiContext";
import { ApiError, errorMessage } from "../api/errors";
import type { TenantWithRole } from "../api/types";
import { useAuth } from "../auth/AuthContext";
import { useAlerts } from "../components/Alerts";
import { SimpleHeader } from "../components/SimpleHeader";
import { ErrorState, LoadingState } from "../components/States";
import { homeFor } from "../auth/destination";
import { useMe } from "../me/MeContext";
import { toTenantOverview } from "../tenant/routes/TenantOverview";
import { setLastTenantId } from "../utils/lastTenant";
import { formatRole } from "../utils/format";
import { useTitle } from "../utils/useTitle";

export const INVALID_INVITATION = "This invitation is not valid any more: ask the company's owner for a new one";

// A token works once: StrictMode's second effect (or a re-render) must reuse the same request.
const inFlight = new Map<string, Promise<TenantWithRole>>();

/** /invitations/accept?token=…: joins the company, then opens it. */
export default function AcceptInvitationPage() {
  useTitle("Join a company");
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const api = useApi();
  const { userManager } = useAuth();
  const { me, refresh } = useMe();
  const { addAlert } = useAlerts();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);
  const [switching, setSwitching] = useState(false);
  const done = useRef(false);

  useEffect(() => {
    if (!token || done.current) return;
    let cancelled = false;
    setError(undefined);
    let request = inFlight.get(token);
    if (!request) {
      request = api.invitations.accept(token);
      inFlight.set(token, request);
    }
    request.then(
      (tenant) => {
        inFlight.delete(token);
        if (cancelled) return;
        done.current = true;
        setLastTenantId(tenant.id);
        refresh();
        addAlert(`Welcome to ${tenant.name}! You joined as ${formatRole(tenant.role).toLowerCase()}.`);
        navigate(toTenantOverview({ tenantId: tenant.id }), { replace: true });
      },
      (e: unknown) => {
        inFlight.delete(token);
        if (!cancelled) setError(e);
      },
    );
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token, attempt]);

  /**
   * Forget this session and sign in again (Keycloak asks for credentials, and for a verified email first),
   * then come back here.
   */
  const switchAccount = async () => {
    setSwitching(true);
    const returnTo = window.location.pathname + window.location.search;
    try {
      await userManager.removeUser();
      await userManager.signinRedirect({ prompt: "login", state: { returnTo } });
    } catch {
      setSwitching(false);
    }
  };

  let content;
  if (!token) {
    content = (
      <div className="state state-error" role="alert">
        <h1 className="state-title">This invitation link is incomplete</h1>
        <p>Open the link exactly as you received it, or ask the company's owner to send it again.</p>
        <div className="actions">
          <Link className="btn" to={homeFor(me)}>
            Go to Counterlink
          </Link>
        </div>
      </div>
    );
  } else if (error instanceof ApiError && error.problem.code === "EMAIL_NOT_VERIFIED") {
    // Signing in again makes Keycloak send a new verification email and wait for its link, then come back here.
    content = (
      <div className="state state-error" role="alert">
        <h1 className="state-title">Verify your email address first</h1>
        <p>{errorMessage(error)}</p>
        <p className="muted">
          You are signed in as <strong>{me.email ?? me.name ?? me.subject}</strong>.
        </p>
        <div className="actions">
          <button type="button" className="btn btn-primary" onClick={() => void switchAccount()} disabled={switching}>
            {switching ? "Opening sign-in…" : "Sign in again to verify your email"}
          </button>
          <Link className="btn btn-link" to={homeFor(me)}>
            Not now
          </Link>
        </div>
      </div>
    );
  } else if (error instanceof ApiError && error.status === 403) {
    content = (
      <div className="state state-error" role="alert">
        <h1 className="state-title">This invitation is for someone else</h1>
        <p>{errorMessage(error)}</p>
        <p className="muted">
          You are signed in as <strong>{me.email ?? me.name ?? me.subject}</strong>.
        </p>
        <div className="actions">
          <button type="button" className="btn btn-primary" onClick={() => void switchAccount()} disabled={switching}>
            {switching ? "Opening sign-in…" : "Log out and sign in with the invited address"}
          </button>
          <Link className="btn btn-link" to={homeFor(me)}>
            Not now
          </Link>
        </div>
      </div>
    );
  } else if (error instanceof ApiError && (error.status === 404 || error.status === 410)) {
    content = (
      <div className="state state-error" role="alert">
        <h1 className="state-title">Invitation not valid</h1>
        <p>{INVALID_INVITATION}</p>
        <div className="actions">
          <Link className="btn" to={homeFor(me)}>
            Go to Counterlink
          </Link>
        </div>
      </div>
    );
  } else if (error) {
    content = (
      <ErrorState error={error} title="Couldn't accept the invitation" onRetry={() => setAttempt((a) => a + 1)}>
        <Link className="btn btn-link" to={homeFor(me)}>
          Go to Counterlink
        </Link>
      </ErrorState>
    );
  } else {
    content = <LoadingState label="Joining the company…" />;
  }

  return (
    <>
      <SimpleHeader />
      <main className="page page-narrow" id="main">
        <div className="card">{content}</div>
      </main>
    </>
  );
}
