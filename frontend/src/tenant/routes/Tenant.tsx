import type { AppRouteObject } from "../../routing/types";
import { TenantLayout } from "../TenantLayout";
import { TENANT_PATH, TenantOverviewRoute } from "./TenantOverview";

/**
 * Everything under /t/:tenantId shares the tenant top bar. Later features
 * (onboarding wizard, stores, bridge, …) add their child routes here.
 */
export const TenantRoute: AppRouteObject = {
  path: TENANT_PATH,
  element: <TenantLayout />,
  children: [TenantOverviewRoute],
};
