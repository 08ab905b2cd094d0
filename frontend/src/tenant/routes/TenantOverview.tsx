import { lazy } from "react";
import { generatePath, type Path } from "react-router-dom";
import type { AppRouteObject } from "../../routing/types";

const TenantOverviewPage = lazy(() => import("../TenantOverviewPage"));

export type TenantParams = { tenantId: string };

export const TENANT_PATH = "/t/:tenantId";

export const TenantOverviewRoute: AppRouteObject = {
  index: true,
  element: <TenantOverviewPage />,
  handle: { title: "Overview" },
};

export const toTenantOverview = (params: TenantParams): Partial<Path> => ({
  pathname: generatePath(TENANT_PATH, params),
});
