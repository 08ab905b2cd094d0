import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { useApi } from "../../api/ApiContext";
import { errorMessage } from "../../api/errors";
import type { EnrollmentToken } from "../../api/types";
import { BRIDGE_DOWNLOAD_URL, BRIDGE_JAR, BRIDGE_WINDOWS_DOWNLOAD_URL, BRIDGE_WINDOWS_ZIP } from "../../bridge/commands";
import { EnrollmentStep } from "../../bridge/EnrollmentStep";
import { toBridge } from "../../bridge/routes/Bridge";
import { useBridges } from "../../bridge/useBridges";
import { WaitingIndicator } from "../../bridge/WaitingIndicator";
import { formatRelative } from "../../utils/format";
import type { StepProps } from "../SetupWizardPage";

/** While the bridge is not online: re-read the setup progress this often. */
export const BRIDGE_STATUS_POLL_MS = 3_000;

export function BridgeSetupStep({ tenantId, isOwner, status, refresh, goOn }: StepProps) {
  const api = useApi();
  const bridges = useBridges(tenantId);
  const { watch, watchForNew } = bridges;
  const [token, setToken] = useState<EnrollmentToken>();
  const [issuing, setIssuing] = useState(false);
  const [issueError, setIssueError] = useState<string>();
  const [continueError, setContinueError] = useState<string>();
  const online = status.bridge === "ONLINE";

  // the step turns green as soon as any bridge of the company is heard from
  useEffect(() => {
    if (online) return;
    const timer = window.setInterval(refresh, BRIDGE_STATUS_POLL_MS);
    return () => window.clearInterval(timer);
  }, [online, refresh]);
  useEffect(() => {
    if (watch.phase === "connected") refresh();
  }, [watch.phase, refresh]);

  const issueToken = async () => {
    setIssuing(true);
    setIssueError(undefined);
    try {
      setToken(await api.bridges.issueToken(tenantId));
      watchForNew();
    } catch (e) {
      setIssueError(errorMessage(e));
    } finally {
      setIssuing(false);
    }
  };

  const onlineBridge = bridges.data?.find((b) => b.online);
  const lastSeen = bridges.data
    ?.filter((b) => b.status === "ENROLLED" && b.lastSeenAt)
    .sort((a, b) => (a.lastSeenAt! < b.lastSeenAt! ? 1 : -1))[0];

  return (
    <div className="stack">
      {online ? (
        <div className="notice notice-success" role="status" data-testid="setup-bridge-online">
          <p className="notice-title">
            <span aria-hidden="true">✓ </span>Your bridge is online
            {onlineBridge ? `: ${onlineBridge.name}${onlineBridge.version ? `, version ${onlineBridge.version}` : ""}` : ""}
          </p>
          <p>Counterlink can read Counterpoint through it. Next, link your WooCommerce store.</p>
          <div className="actions">
            <button type="button" className="btn btn-primary" onClick={() => goOn().catch((e) => setContinueError(errorMessage(e)))}>
              Continue
            </button>
          </div>
        </div>
      ) : status.bridge === "COUNTERPOINT_UNREACHABLE" ? (
        <div className="notice notice-warn" role="status" data-testid="setup-counterpoint-unreachable">
          <p className="notice-title">Counterpoint is not answering on the bridge's server — waiting</p>
          <p>
            The bridge{onlineBridge ? ` “${onlineBridge.name}”` : ""} is online, but Counterpoint's database does not answer
            it. Check that Counterpoint's SQL Server is running on that server, and that the address, user and password
            given when enrolling are right (<code>java -jar {BRIDGE_JAR} doctor</code> in the bridge's folder tells). This
            page turns green when it answers. You can also go on: settings that need Counterpoint wait for it.
          </p>
          <div className="actions">
            <button type="button" className="btn" onClick={() => goOn().catch((e) => setContinueError(errorMessage(e)))}>
              Continue anyway
            </button>
          </div>
        </div>
      ) : status.bridge === "OFFLINE" ? (
        <div className="notice notice-warn" role="status" data-testid="setup-bridge-offline">
          <p className="notice-title">Your bridge is offline</p>
          <p>
            {lastSeen?.lastSeenAt ? `“${lastSeen.name}” was last seen ${formatRelative(lastSeen.lastSeenAt)}. ` : ""}
            On the Counterpoint server, start the <strong>Counterlink Bridge</strong> service (or run{" "}
            <code>java -jar {BRIDGE_JAR} run</code> in its folder) and check that it can reach the internet. This page turns
            green when it is back. You can also go on: settings that need Counterpoint wait for it.
          </p>
          <div className="actions">
            <button type="button" className="btn" onClick={() => goOn().catch((e) => setContinueError(errorMessage(e)))}>
              Continue anyway
            </button>
          </div>
        </div>
      ) : status.bridge === "NEVER_CONNECTED" && watch.phase === "idle" ? (
        <div className="notice notice-warn" role="status">
          <p className="notice-title">A bridge is enrolled but hasn't connected yet</p>
          <p>
            Start it on the Counterpoint server: run <code>java -jar {BRIDGE_JAR} run</code>, or the install-service
            command below. This page turns green when it connects.
          </p>
        </div>
      ) : null}
      {continueError && (
        <p className="form-error" role="alert">
          {continueError}
        </p>
      )}

      <section className="card" aria-labelledby="setup-download-heading">
        <h2 id="setup-download-heading">1. Download the bridge</h2>
        <p>
          The bridge is a small program that runs next to NCR Counterpoint, on the Windows server with its SQL Server or
          any machine that reaches it. It only makes outbound HTTPS connections; your SQL Server password stays there.
        </p>
        <p className="download-buttons">
          <a className="btn btn-primary" href={BRIDGE_WINDOWS_DOWNLOAD_URL} download={BRIDGE_WINDOWS_ZIP}>
            Download for Windows (.zip)
          </a>{" "}
          <a className="btn" href={BRIDGE_DOWNLOAD_URL} download={BRIDGE_JAR}>
            Download {BRIDGE_JAR} (Linux)
          </a>
        </p>
        <p className="small muted">
          It needs Java 21 or newer (<code>java -version</code> tells). On Windows unzip it to a permanent folder such as{" "}
          <code>C:\Counterlink</code>; on Linux save the jar in e.g. <code>/opt/counterlink</code>.
        </p>
      </section>

      <section className="card" aria-labelledby="setup-enroll-heading">
        <h2 id="setup-enroll-heading">2. Create a one-time token and run the commands</h2>
        <EnrollmentStep isOwner={isOwner} token={token} issuing={issuing} error={issueError} onIssue={() => void issueToken()} />
      </section>

      <section className="card" aria-labelledby="setup-wait-heading">
        <h2 id="setup-wait-heading">3. Wait for the bridge to connect</h2>
        {online && watch.phase !== "connected" ? (
          <div role="status" data-testid="bridge-watch">
            <p className="watch watch-connected">
              <span className="watch-icon" aria-hidden="true">✓</span>
              <span>Connected{onlineBridge ? `: ${onlineBridge.name}` : ""}</span>
            </p>
          </div>
        ) : (
          <WaitingIndicator watch={watch} token={token} />
        )}
        <p className="small muted">
          Details and other bridges: <Link to={toBridge({ tenantId })}>Bridge page</Link>.
        </p>
      </section>
    </div>
  );
}
