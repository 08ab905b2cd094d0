import { useId, useRef, useState, type KeyboardEvent } from "react";
import type { EnrollmentToken } from "../api/types";
import { CopyButton } from "../components/CopyButton";
import { formatRelative, formatTime } from "../utils/format";
import { bridgeCommands, type OsCommands } from "./commands";

type Os = "windows" | "linux";
const OS_LABELS: Record<Os, string> = { windows: "Windows", linux: "Linux" };
const OSES: Os[] = ["windows", "linux"];

function CommandList({ commands, os }: { commands: OsCommands; os: Os }) {
  const rows: { key: string; name: string; command: string; what: string }[] = [
    {
      key: "enroll",
      name: "enroll command",
      command: commands.enroll,
      what:
        "Registers this machine with your company, using the token. Run it once, after replacing <COMPANY> with " +
        "your Counterpoint company database and <SQL_USER> / <SQL_PASSWORD> with a SQL Server login for it. " +
        "These stay on this machine; Counterlink never sees them.",
    },
    {
      key: "doctor",
      name: "doctor command",
      command: commands.doctor,
      what: "Checks the setup and the connection to Counterlink, and tells you what to fix.",
    },
    {
      key: "install",
      name: "install-service command",
      command: commands.installService,
      what:
        os === "windows"
          ? "Installs the bridge as a Windows service, so it keeps running after you log off or restart."
          : "Installs the bridge as a system service, so it keeps running after a restart.",
    },
  ];
  return (
    <ol className="command-list">
      {rows.map((r) => (
        <li key={r.key}>
          <div className="command">
            <code data-testid={`${os}-${r.key}`}>{r.command}</code>
            <CopyButton text={r.command} label={`Copy ${OS_LABELS[os]} ${r.name}`} />
          </div>
          <p className="command-what">{r.what}</p>
        </li>
      ))}
    </ol>
  );
}

/** Windows / Linux command tabs (WAI-ARIA tabs: arrows, Home and End move between them). */
function OsTabs({ token }: { token: EnrollmentToken }) {
  const [os, setOs] = useState<Os>("windows");
  const baseId = useId();
  const tabRefs = useRef<Record<Os, HTMLButtonElement | null>>({ windows: null, linux: null });
  const commands = bridgeCommands(token, window.location.origin);

  const onKeyDown = (e: KeyboardEvent) => {
    const i = OSES.indexOf(os);
    let next: Os | undefined;
    if (e.key === "ArrowRight") next = OSES[(i + 1) % OSES.length];
    else if (e.key === "ArrowLeft") next = OSES[(i - 1 + OSES.length) % OSES.length];
    else if (e.key === "Home") next = OSES[0];
    else if (e.key === "End") next = OSES[OSES.length - 1];
    if (!next) return;
    e.preventDefault();
    setOs(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <div className="tabs">
      <div role="tablist" aria-label="Operating system of the bridge machine" className="tablist" onKeyDown={onKeyDown}>
        {OSES.map((o) => (
          <button
            key={o}
            ref={(el) => {
              tabRefs.current[o] = el;
            }}
            type="button"
            role="tab"
            id={`${baseId}-${o}-tab`}
            aria-selected={os === o}
            aria-controls={`${baseId}-${o}-panel`}
            tabIndex={os === o ? 0 : -1}
            className="tab"
            onClick={() => setOs(o)}
          >
            {OS_LABELS[o]}
          </button>
        ))}
      </div>
      {OSES.map((o) => (
        <div
          key={o}
          role="tabpanel"
          id={`${baseId}-${o}-panel`}
          aria-labelledby={`${baseId}-${o}-tab`}
          hidden={os !== o}
          tabIndex={0}
          className="tabpanel"
        >
          {o === "windows" ? (
            <p>
              Open <strong>PowerShell as Administrator</strong> (Start, type “PowerShell”, right-click, <em>Run as
              administrator</em>), go to the folder with the jar, for example <code>cd C:\Counterlink</code>, and run
              these commands one after the other:
            </p>
          ) : (
            <p>
              Open a terminal, go to the folder with the jar, for example <code>cd /opt/counterlink</code>, and run
              these commands one after the other (the last one needs <code>sudo</code>):
            </p>
          )}
          <CommandList commands={commands[o]} os={o} />
        </div>
      ))}
    </div>
  );
}

interface EnrollmentStepProps {
  isOwner: boolean;
  token?: EnrollmentToken;
  issuing: boolean;
  error?: string;
  onIssue: () => void;
}

/** Step 3: an owner creates a one-time token and gets the exact commands. */
export function EnrollmentStep({ isOwner, token, issuing, error, onIssue }: EnrollmentStepProps) {
  if (!isOwner) {
    return (
      <p className="note" data-testid="owner-only-note">
        Only an <strong>owner</strong> of this company can create an enrollment token. Ask an owner to open this page
        and create one; they will get the commands to run on the bridge machine.
      </p>
    );
  }
  const expired = token ? new Date(token.expiresAt).getTime() <= Date.now() : false;
  return (
    <div className="enrollment">
      <p>
        The token links the bridge to this company. It works once and expires after a short time; it is shown only
        here, so keep this page open until the bridge is enrolled.
      </p>
      <div className="actions">
        <button type="button" className={token ? "btn" : "btn btn-primary"} onClick={onIssue} disabled={issuing}>
          {issuing ? "Creating token…" : token ? "Create a new token" : "Create a one-time token"}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {token && (
        <div className="token-box">
          <div className="token-row">
            <span className="token-label">
              Enrollment token
            </span>
            <code className="token" data-testid="enrollment-token">
              {token.token}
            </code>
            <CopyButton text={token.token} label="Copy token" />
          </div>
          <p className={expired ? "token-expiry form-error" : "token-expiry muted"}>
            {expired ? "Expired at " : "Expires at "}
            <time dateTime={token.expiresAt}>{formatTime(token.expiresAt)}</time>
            {expired ? ". Create a new token if the bridge is not enrolled yet." : ` (${formatRelative(token.expiresAt)}).`}
          </p>
          <OsTabs token={token} />
        </div>
      )}
    </div>
  );
}
