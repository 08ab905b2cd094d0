import type { RouteObject } from "react-router-dom";

/**
 * A route contributed by a feature folder. Each `<feature>/routes/<Name>.tsx`
 * exports one of these plus a typed `to<Name>()` link builder.
 */
export type AppRouteObject = RouteObject & {
  handle?: { title?: string };
};
