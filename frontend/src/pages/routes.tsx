import { lazy } from "react";
import type { AppRouteObject } from "../routing/types";

const NotFoundPage = lazy(() => import("./NotFoundPage"));

export const NotFoundRoute: AppRouteObject = { path: "*", element: <NotFoundPage /> };
