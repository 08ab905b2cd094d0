import { lazy } from "react";
import { generatePath, type Path } from "react-router-dom";
import type { AppRouteObject } from "../../routing/types";
import type { TenantParams } from "../../tenant/routes/TenantOverview";

const BridgePage = lazy(() => import("../BridgePage"));

export const BRIDGE_PATH = "/t/:tenantId/bridge";

/** Child of the tenant layout (see tenant/routes/Tenant.tsx). */
export const BridgeRoute: AppRouteObject = {
  path: "bridge",
  element: <BridgePage />,
  handle: { title: "Bridge" },
};

export const toBridge = (params: TenantParams, hash?: string): Partial<Path> => ({
  pathname: generatePath(BRIDGE_PATH, params),
  ...(hash ? { hash } : {}),
});
