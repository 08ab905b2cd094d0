import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { useApi } from "../api/ApiContext";
import { ApiError } from "../api/errors";
import type { SupportSession, TenantDirectoryEntry } from "../api/types";
import { useAlerts } from "../components/Alerts";
import { SimpleHeader } from "../components/SimpleHeader";
import { EmptyState, ErrorState, LoadingState } from "../components/States";
import { toLanding } from "../landing/routes/Landing";
import { useMe } from "../me/MeContext";
import { toTenantOverview } from "../tenant/routes/TenantOverview";
import { formatDate, formatTime } from "../utils/format";
import { useFetch } from "../utils/useFetch";
import { useTitle } from "../utils/useTitle";
import { REASON_MAX, REASON_MIN, StartSessionForm } from "./StartSessionForm";
import { isStaff, liveSessions, rememberTenantName } from "./staff";

function NotAvailable() {
  return (
    <div className="state" data-testid="support-not-available">
      <h1 className="state-title">Support console not available</h1>
      <p>
        The support console is only for Counterlink support staff. If you need help with your company, contact
        Counterlink support.
      </p>
      <div className="actions actions-center">
        <Link className="btn btn-primary" to={toLanding()}>
          Go to my company
        </Link>
      </div>
    </div>
  );
}

interface RowProps {
  tenant: TenantDirectoryEntry;
  live?: SupportSession;
  open: boolean;
  onOpen: () => void;
  onClose: () => void;
  onStarted: (s: SupportSession) => void;
}

function CompanyRow({ tenant, live, open, onOpen, onClose, onStarted }: RowProps) {
  const formId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  return (
    <li className="support-company">
      <div className="store-row">
        <span className="store-row-main">
          <span className="store-row-name">{tenant.name}</span>
          <span className="muted small">
            {tenant.slug} · {tenant.status === "ACTIVE" ? "Active" : tenant.status} · created{" "}
            <time dateTime={tenant.createdAt}>{formatDate(tenant.createdAt)}</time>
          </span>
        </span>
        <span className="member-actions">
          {live ? (
            <>
              <span className="status status-warn">
                Acting until <time dateTime={live.expiresAt}>{formatTime(live.expiresAt)}</time>
              </span>
              <Link className="btn btn-small" to={toTenantOverview({ tenantId: tenant.id })}>
                Open company<span className="visually-hidden">: {tenant.name}</span>
              </Link>
            </>
          ) : (
            <button
              ref={buttonRef}
              type="button"
              className="btn btn-small"
              aria-expanded={open}
              aria-controls={open ? formId : undefined}
              onClick={open ? onClose : onOpen}
            >
              Act as this company<span className="visually-hidden">: {tenant.name}</span>
            </button>
          )}
        </span>
      </div>
      {open && !live && (
        <StartSessionForm
          id={formId}
          tenant={tenant}
          onStarted={onStarted}
          onCancel={() => {
            onClose();
            buttonRef.current?.focus();
          }}
        />
      )}
    </li>
  );
}

// The reason of the last search, so that reloading /support?q=… searches again under it.
const SEARCH_REASON_KEY = "counterlink.supportSearchReason";

function storedSearchReason(): string {
  try {
    return window.sessionStorage.getItem(SEARCH_REASON_KEY) ?? "";
  } catch {
    return "";
  }
}

const validSearchReason = (r: string) => r.trim().length >= REASON_MIN && r.trim().length <= REASON_MAX;

function Console() {
  const api = useApi();
  const { me, refresh } = useMe();
  const { addAlert } = useAlerts();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get("q");
  const [text, setText] = useState(q ?? "");
  const [reasonText, setReasonText] = useState(storedSearchReason);
  const [reason, setReason] = useState(() => (validSearchReason(storedSearchReason()) ? storedSearchReason().trim() : ""));
  const [reasonError, setReasonError] = useState<string>();
  const [openId, setOpenId] = useState<string>();
  const searchId = useId();
  const reasonId = useId();
  const reasonRef = useRef<HTMLInputElement>(null);
  const { data, error, reload } = useFetch(
    (signal) => (q === null || !reason ? Promise.resolve(null) : api.support.searchTenants(q.trim(), reason, { signal })),
    [api, q, reason],
  );
  useEffect(() => setText(q ?? ""), [q]);

  const live = liveSessions(me);

  if (error instanceof ApiError && error.status === 403) return <NotAvailable />;

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    if (!validSearchReason(reasonText)) {
      setReasonError(`Say why you search (${REASON_MIN}–${REASON_MAX} characters), e.g. the ticket number. It is recorded.`);
      reasonRef.current?.focus();
      return;
    }
    setReasonError(undefined);
    const why = reasonText.trim();
    try {
      window.sessionStorage.setItem(SEARCH_REASON_KEY, why);
    } catch {
      /* storage unavailable: the reason is asked again after a reload */
    }
    setOpenId(undefined);
    setReason(why);
    setParams({ q: text.trim() });
    if (why === reason && text.trim() === (q ?? "").trim()) reload();
  };

  const onStarted = (tenant: TenantDirectoryEntry) => (session: SupportSession) => {
    rememberTenantName(tenant.id, tenant.name);
    refresh();
    addAlert(`Support session started: you act as ${tenant.name} until ${formatTime(session.expiresAt)}.`, "info");
    navigate(toTenantOverview({ tenantId: tenant.id }));
  };

  let results;
  if (q !== null && !reason) {
    results = (
      <EmptyState title="Say why you search">
        <p>Every search of the companies is recorded with your name and reason. Enter a reason and search again.</p>
      </EmptyState>
    );
  } else if (q === null) {
    results = (
      <EmptyState title="Search for a company">
        <p>Enter part of the company's name, or search with an empty box to list the first 50 companies.</p>
      </EmptyState>
    );
  } else if (error) {
    results = <ErrorState error={error} title="Couldn't search the companies" onRetry={reload} />;
  } else if (!data) {
    results = <LoadingState label="Searching…" />;
  } else if (data.length === 0) {
    results = <EmptyState title={q ? `No company name contains “${q}”` : "No companies yet"} />;
  } else {
    results = (
      <>
        <p className="muted small" role="status">
          {data.length === 50 ? "The first 50 matches: refine the search to narrow it down." : `${data.length} ${data.length === 1 ? "company" : "companies"} found.`}
        </p>
        <ul className="store-list support-results" aria-label="Companies">
          {data.map((t) => (
            <CompanyRow
              key={t.id}
              tenant={t}
              live={live.find((s) => s.tenantId === t.id)}
              open={openId === t.id}
              onOpen={() => setOpenId(t.id)}
              onClose={() => setOpenId(undefined)}
              onStarted={onStarted(t)}
            />
          ))}
        </ul>
      </>
    );
  }

  return (
    <div className="stack-page">
      <div className="page-header">
        <h1>Support console</h1>
        <p className="lead">
          Find a retailer's company and act in it for a limited time, with a reason: read-only, unless you elevate the
          session for the few support writes with a second reason. The company sees every session and every action in its
          activity log, and its owners can end a session.
        </p>
      </div>
      <section className="card" aria-labelledby="support-search-heading">
        <h2 id="support-search-heading">Companies</h2>
        <form className="support-search" role="search" onSubmit={onSearch} aria-label="Search companies">
          <div className="field">
            <label htmlFor={searchId}>Company name</label>
            <input id={searchId} type="search" name="q" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
          </div>
          <div className="field">
            <label htmlFor={reasonId}>Reason for searching</label>
            <input
              ref={reasonRef}
              id={reasonId}
              type="text"
              name="reason"
              value={reasonText}
              onChange={(e) => {
                setReasonText(e.target.value);
                setReasonError(undefined);
              }}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={`${reasonId}-hint${reasonError ? ` ${reasonId}-error` : ""}`}
              autoComplete="off"
            />
            <p className="field-hint" id={`${reasonId}-hint`}>
              Recorded with your name, e.g. “Ticket 4711: prices don't sync”.
            </p>
            {reasonError && (
              <p className="field-error" id={`${reasonId}-error`} role="alert">
                {reasonError}
              </p>
            )}
          </div>
          <div className="support-search-submit">
            <button type="submit" className="btn btn-primary">
              Search
            </button>
          </div>
        </form>
        <div className="support-results-wrap">{results}</div>
      </section>
    </div>
  );
}

export default function SupportConsolePage() {
  useTitle("Support console");
  const { me } = useMe();
  return (
    <>
      <SimpleHeader />
      <main className="page" id="main">
        {isStaff(me) ? <Console /> : <NotAvailable />}
      </main>
    </>
  );
}
