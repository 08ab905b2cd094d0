import type { ReactNode } from "react";
import { ApiError, NetworkError, UnauthorizedError, errorMessage } from "../api/errors";
import { useOptionalAuth } from "../auth/AuthContext";

export function LoadingState({ label = "Loading…" }: { label?: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function FullPageLoading({ label }: { label?: string }) {
  return (
    <main className="full-page" id="main">
      <LoadingState label={label} />
    </main>
  );
}

interface ErrorStateProps {
  error: unknown;
  title?: string;
  /** Overrides the message derived from the error. */
  message?: string;
  onRetry?: () => void;
  children?: ReactNode;
}

/** A readable error with an optional "Try again" button. */
export function ErrorState({ error, title, message, onRetry, children }: ErrorStateProps) {
  const auth = useOptionalAuth();
  if (error instanceof UnauthorizedError && auth) {
    return (
      <div className="state state-error" role="alert">
        <h2 className="state-title">{title ?? "Please log in again"}</h2>
        <p>{errorMessage(error)}</p>
        <div className="actions">
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void auth.login(window.location.pathname + window.location.search)}
          >
            Log in again
          </button>
        </div>
      </div>
    );
  }
  const heading =
    title ??
    (error instanceof NetworkError
      ? "Can't reach Counterlink"
      : error instanceof ApiError && error.status >= 500
        ? "Counterlink had a problem"
        : "Something went wrong");
  return (
    <div className="state state-error" role="alert">
      <h2 className="state-title">{heading}</h2>
      <p>{message ?? errorMessage(error)}</p>
      <div className="actions">
        {onRetry && (
          <button type="button" className="btn btn-primary" onClick={onRetry}>
            Try again
          </button>
        )}
        {children}
      </div>
    </div>
  );
}

export function FullPageError(props: ErrorStateProps) {
  return (
    <main className="full-page" id="main">
      <ErrorState {...props} />
    </main>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty">
      <p className="state-title">{title}</p>
      {children && <div className="state-body">{children}</div>}
    </div>
  );
}
