import { lazy } from "react";
import type { Path } from "react-router-dom";
import type { AppRouteObject } from "../../routing/types";
import { CALLBACK_PATH } from "../userManager";

const CallbackPage = lazy(() => import("../CallbackPage"));

export const CallbackRoute: AppRouteObject = {
  path: CALLBACK_PATH,
  element: <CallbackPage />,
  handle: { title: "Signing in" },
};

export const toCallback = (): Partial<Path> => ({ pathname: CALLBACK_PATH });
