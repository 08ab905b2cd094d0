import { lazy } from "react";
import { generatePath, type Path } from "react-router-dom";
import type { AppRouteObject } from "../../routing/types";
import type { TenantParams } from "../../tenant/routes/TenantOverview";
import type { SetupStepId } from "../steps";

const SetupWizardPage = lazy(() => import("../SetupWizardPage"));

export const SETUP_PATH = "/t/:tenantId/setup/:step?";

/** Child of the tenant layout: /t/:tenantId/setup resumes at the first unfinished step. */
export const SetupRoute: AppRouteObject = {
  path: "setup/:step?",
  element: <SetupWizardPage />,
  handle: { title: "Set up" },
};

export const toSetup = (params: TenantParams & { step?: SetupStepId }, search?: string): Partial<Path> => ({
  pathname: generatePath(SETUP_PATH, params),
  ...(search ? { search } : {}),
});
