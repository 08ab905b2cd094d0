import { lazy } from "react";
import { generatePath, type Path } from "react-router-dom";
import type { AppRouteObject } from "../../routing/types";
import type { TenantParams } from "../../tenant/routes/TenantOverview";

const ActivityPage = lazy(() => import("../ActivityPage"));

export const ACTIVITY_PATH = "/t/:tenantId/activity";

/** Child of the tenant layout (see tenant/routes/Tenant.tsx). */
export const ActivityRoute: AppRouteObject = {
  path: "activity",
  element: <ActivityPage />,
  handle: { title: "Activity" },
};

export const toActivity = (params: TenantParams): Partial<Path> => ({
  pathname: generatePath(ACTIVITY_PATH, params),
});
