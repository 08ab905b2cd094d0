import { lazy } from "react";
import { generatePath, type Path } from "react-router-dom";
import type { AppRouteObject } from "../../routing/types";
import type { TenantParams } from "../../tenant/routes/TenantOverview";

const TeamPage = lazy(() => import("../TeamPage"));

export const TEAM_PATH = "/t/:tenantId/team";

/** Child of the tenant layout (see tenant/routes/Tenant.tsx). */
export const TeamRoute: AppRouteObject = {
  path: "team",
  element: <TeamPage />,
  handle: { title: "Team" },
};

export const toTeam = (params: TenantParams, hash?: string): Partial<Path> => ({
  pathname: generatePath(TEAM_PATH, params),
  ...(hash ? { hash } : {}),
});
