import { isRouteErrorResponse, useRouteError } from "react-router-dom";
import { FullPageError } from "../components/States";

/** Shown when a page crashes while rendering or a lazy chunk fails to load. */
export function RouteErrorPage() {
  const error = useRouteError();
  const shown = isRouteErrorResponse(error)
    ? new Error(`${error.status} ${error.statusText}`)
    : error instanceof Error
      ? error
      : new Error("Something went wrong.");
  return <FullPageError error={shown} title="This page couldn't be shown" onRetry={() => window.location.reload()} />;
}
