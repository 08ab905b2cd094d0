import { lazy } from "react";
import type { Path } from "react-router-dom";
import type { AppRouteObject } from "../../routing/types";

const SupportConsolePage = lazy(() => import("../SupportConsolePage"));

export const SUPPORT_PATH = "/support";

/** Counterlink staff only; everyone else sees "not available". A signed-in route (see routes.tsx). */
export const SupportConsoleRoute: AppRouteObject = {
  path: SUPPORT_PATH,
  element: <SupportConsolePage />,
  handle: { title: "Support console" },
};

export const toSupportConsole = (q?: string): Partial<Path> => ({
  pathname: SUPPORT_PATH,
  ...(q !== undefined ? { search: `?${new URLSearchParams({ q })}` } : {}),
});
