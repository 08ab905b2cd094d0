import { useEffect, useState } from "react";
import { useLocation } from "react-router-dom";
import { useApi } from "../api/ApiContext";
import { errorMessage } from "../api/errors";
import type { Bridge, EnrollmentToken } from "../api/types";
import { useAlerts } from "../components/Alerts";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { EmptyState, ErrorState, LoadingState } from "../components/States";
import { useTenant } from "../tenant/TenantContext";
import { BridgeList, bridgeHeadingId } from "./BridgeList";
import { BRIDGE_DOWNLOAD_URL, BRIDGE_JAR, BRIDGE_WINDOWS_DOWNLOAD_URL, BRIDGE_WINDOWS_ZIP } from "./commands";
import { EnrollmentStep } from "./EnrollmentStep";
import { useBridges } from "./useBridges";
import { WaitingIndicator } from "./WaitingIndicator";

export default function BridgePage() {
  const { tenant } = useTenant();
  const api = useApi();
  const { addAlert } = useAlerts();
  const isOwner = tenant.role === "owner";
  const { data: bridges, error, loading, reload, refreshError, watch, watchForNew, updateBridge } = useBridges(tenant.id);

  // The overview links to #install: client-side navigation doesn't scroll there by itself.
  const { hash } = useLocation();
  useEffect(() => {
    if (hash === "#install") document.getElementById("install")?.scrollIntoView?.({ block: "start" });
  }, [hash]);

  const [token, setToken] = useState<EnrollmentToken>();
  const [issuing, setIssuing] = useState(false);
  const [issueError, setIssueError] = useState<string>();

  const [revoking, setRevoking] = useState<Bridge>();
  const [revokeBusy, setRevokeBusy] = useState(false);
  const [revokeError, setRevokeError] = useState<string>();

  const issueToken = async () => {
    setIssuing(true);
    setIssueError(undefined);
    try {
      const t = await api.bridges.issueToken(tenant.id);
      setToken(t);
      watchForNew();
    } catch (e) {
      setIssueError(errorMessage(e));
    } finally {
      setIssuing(false);
    }
  };

  const confirmRevoke = async () => {
    if (!revoking) return;
    setRevokeBusy(true);
    setRevokeError(undefined);
    try {
      const updated = await api.bridges.revoke(tenant.id, revoking.id);
      updateBridge(updated);
      addAlert(`Bridge “${updated.name || revoking.name}” revoked. It has stopped syncing.`);
      setRevoking(undefined);
    } catch (e) {
      setRevokeError(errorMessage(e));
    } finally {
      setRevokeBusy(false);
    }
  };

  let list;
  if (bridges) {
    list =
      bridges.length === 0 ? (
        <EmptyState title="No bridge yet">
          Follow the steps below to install the bridge next to Counterpoint.
        </EmptyState>
      ) : (
        <BridgeList
          bridges={bridges}
          canRevoke={isOwner}
          onRevoke={(b) => {
            setRevokeError(undefined);
            setRevoking(b);
          }}
        />
      );
  } else if (error) {
    list = <ErrorState error={error} title="Couldn't load your bridges" onRetry={reload} />;
  } else {
    list = <LoadingState label="Loading bridges…" />;
  }

  return (
    <div className="bridge-page">
      <div className="page-header">
        <h1>Bridge</h1>
        <p className="lead">
          The bridge is a small program that runs next to NCR Counterpoint and connects it to Counterlink.
        </p>
      </div>

      <section className="card" aria-labelledby="bridges-heading">
        <div className="section-head">
          <h2 id="bridges-heading">Your bridges</h2>
          {bridges && loading && <span className="muted small">Refreshing…</span>}
        </div>
        {refreshError !== undefined && bridges && (
          <p className="muted small" role="status">
            Status may be out of date: {errorMessage(refreshError)}
          </p>
        )}
        {list}
      </section>

      <section className="card install" aria-labelledby="install-heading" id="install">
        <h2 id="install-heading">Install a bridge</h2>
        <ol className="steps">
          <li className="step">
            <h3>What it is and where to install it</h3>
            <p>
              Install the bridge on the Windows server that runs Counterpoint's SQL Server, or on any Windows or Linux
              machine that can reach that SQL Server and stays switched on.
            </p>
            <ul className="checklist">
              <li>
                It only makes <strong>outbound HTTPS</strong> connections to Counterlink. You don't open any inbound
                port or change your firewall's port forwarding.
              </li>
              <li>Your SQL Server login and password stay on that machine. They are never sent to Counterlink.</li>
            </ul>
          </li>

          <li className="step">
            <h3>Download it and check Java</h3>
            <p className="download-buttons">
              <a className="btn btn-primary" href={BRIDGE_WINDOWS_DOWNLOAD_URL} download={BRIDGE_WINDOWS_ZIP}>
                Download for Windows (.zip)
              </a>{" "}
              <a className="btn" href={BRIDGE_DOWNLOAD_URL} download={BRIDGE_JAR}>
                Download {BRIDGE_JAR} (Linux)
              </a>
            </p>
            <p>
              On Windows, unzip it to a permanent folder, for example <code>C:\Counterlink</code>: it holds the bridge
              and the Windows service wrapper. On Linux, save the jar in a folder such as <code>/opt/counterlink</code>.
              The service runs it from there.
            </p>
            <p>
              It needs <strong>Java 21 or newer</strong>. To check, run <code>java -version</code> in PowerShell or a
              terminal. If Java is missing or older, install a Java 21 runtime, for example{" "}
              <a href="https://adoptium.net/temurin/releases/?version=21" target="_blank" rel="noreferrer">
                Eclipse Temurin 21
                <span className="visually-hidden"> (opens in a new tab)</span>
              </a>{" "}
              (on Windows choose the .msi installer and keep “Add to PATH” selected).
            </p>
          </li>

          <li className="step">
            <h3>Create a one-time token and enroll the bridge</h3>
            <EnrollmentStep
              isOwner={isOwner}
              token={token}
              issuing={issuing}
              error={issueError}
              onIssue={() => void issueToken()}
            />
          </li>

          <li className="step">
            <h3>Wait for the bridge to connect</h3>
            <WaitingIndicator watch={watch} token={token} />
          </li>
        </ol>
      </section>

      {revoking && (
        <ConfirmDialog
          title={`Revoke “${revoking.name || "bridge"}”?`}
          confirmLabel="Revoke bridge"
          busyLabel="Revoking…"
          danger
          busy={revokeBusy}
          error={revokeError}
          onConfirm={() => void confirmRevoke()}
          onCancel={() => setRevoking(undefined)}
          fallbackFocus={() => document.getElementById(bridgeHeadingId(revoking.id))}
        >
          <p>
            The bridge stops syncing and is disconnected from Counterlink right away. It can't be turned back on: to
            use that machine again, enroll it again with a new token.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
