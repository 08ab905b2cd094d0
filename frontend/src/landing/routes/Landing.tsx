import { lazy } from "react";
import type { Path } from "react-router-dom";
import type { AppRouteObject } from "../../routing/types";

const LandingPage = lazy(() => import("../LandingPage"));

export const LandingRoute: AppRouteObject = {
  index: true,
  element: <LandingPage />,
};

export const toLanding = (): Partial<Path> => ({ pathname: "/" });
