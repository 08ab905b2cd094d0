import { Suspense, useEffect, useMemo } from "react";
import { Link, Outlet, useMatches, useParams } from "react-router-dom";
import { useApi } from "../api/ApiContext";
import { ApiError, isNotFound } from "../api/errors";
import { ErrorState, LoadingState } from "../components/States";
import { toLanding } from "../landing/routes/Landing";
import { CompanySupportNotice } from "../support/CompanySupportNotice";
import { toSupportConsole } from "../support/routes/SupportConsole";
import { setLastTenantId } from "../utils/lastTenant";
import { useFetch } from "../utils/useFetch";
import { useTitle } from "../utils/useTitle";
import { TenantContext } from "./TenantContext";
import { TenantNav } from "./TenantNav";
import { TopBar } from "./TopBar";

export function TenantLayout() {
  const { tenantId = "" } = useParams();
  const api = useApi();
  const { data: tenant, error, reload } = useFetch((signal) => api.tenants.get(tenantId, { signal }), [api, tenantId]);
  const ctx = useMemo(() => (tenant ? { tenant, reload } : undefined), [tenant, reload]);
  // "Bridge – Acme Outfitters" on a section page, just the company name on the overview.
  const matches = useMatches();
  const leaf = matches[matches.length - 1];
  const sectionTitle = (leaf?.handle as { title?: string } | undefined)?.title;
  useTitle(tenant ? (sectionTitle && sectionTitle !== "Overview" ? `${sectionTitle} – ${tenant.name}` : tenant.name) : undefined);

  useEffect(() => {
    if (tenant) setLastTenantId(tenant.id);
  }, [tenant]);

  let content;
  if (ctx) {
    content = (
      <TenantContext.Provider value={ctx}>
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </TenantContext.Provider>
    );
  } else if (isNotFound(error)) {
    content = (
      <ErrorState
        error={error}
        title="Company not found"
        message="It may have been removed, or you are not a member of it."
      >
        <Link className="btn" to={toLanding()}>
          Go to my company
        </Link>
      </ErrorState>
    );
  } else if (error instanceof ApiError && error.problem.code === "SUPPORT_SESSION_REQUIRED") {
    // Counterlink staff whose session ended (by the company, by themselves, or by time).
    content = (
      <ErrorState error={error} title="No access to this company">
        <Link className="btn" to={toSupportConsole()}>
          Support console
        </Link>
      </ErrorState>
    );
  } else if (error) {
    content = <ErrorState error={error} onRetry={reload} />;
  } else {
    content = <LoadingState label="Loading company…" />;
  }

  return (
    <>
      <TopBar tenantId={tenantId} tenantName={tenant?.name} />
      <TenantNav tenantId={tenantId} />
      {tenant && <CompanySupportNotice tenant={tenant} />}
      <main className="page" id="main">
        {content}
      </main>
    </>
  );
}
