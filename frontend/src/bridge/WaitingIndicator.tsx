import { errorMessage } from "../api/errors";
import type { EnrollmentToken } from "../api/types";
import type { WatchState } from "./useBridges";

/** The live "Waiting for the bridge to connect…" line that turns green when the new bridge is online. */
export function WaitingIndicator({ watch, token }: { watch: WatchState; token?: EnrollmentToken }) {
  let content;
  if (watch.phase === "connected") {
    const b = watch.bridge;
    content = (
      <p className="watch watch-connected">
        <span className="watch-icon" aria-hidden="true">✓</span>
        <span>
          Connected: <strong>{b.name || "your bridge"}</strong>
          {b.version ? `, version ${b.version}` : ""}
        </span>
      </p>
    );
  } else if (watch.phase === "waiting") {
    const expired = token ? new Date(token.expiresAt).getTime() <= Date.now() : false;
    content = (
      <>
        <p className="watch watch-waiting">
          <span className="spinner" aria-hidden="true" />
          <span>
            {watch.enrolled
              ? `“${watch.enrolled.name}” is enrolled. Waiting for it to come online…`
              : "Waiting for the bridge to connect…"}
          </span>
        </p>
        {watch.pollError !== undefined && (
          <p className="muted">Couldn't check just now ({errorMessage(watch.pollError)}). Still trying.</p>
        )}
        {expired && !watch.enrolled && (
          <p className="muted">The token has expired. If the enroll command failed, create a new token.</p>
        )}
      </>
    );
  } else {
    content = (
      <p className="muted">
        Once you have created a token and run the commands, this page shows when the bridge connects.
      </p>
    );
  }
  return (
    <div role="status" aria-live="polite" data-testid="bridge-watch">
      {content}
    </div>
  );
}
