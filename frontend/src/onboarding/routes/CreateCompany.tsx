import { lazy } from "react";
import type { Path } from "react-router-dom";
import type { AppRouteObject } from "../../routing/types";

const CreateCompanyPage = lazy(() => import("../CreateCompanyPage"));

export const CreateCompanyRoute: AppRouteObject = {
  path: "/onboarding/company",
  element: <CreateCompanyPage />,
  handle: { title: "Create your company" },
};

export const toCreateCompany = (): Partial<Path> => ({ pathname: "/onboarding/company" });
