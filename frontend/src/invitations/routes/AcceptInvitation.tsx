import { lazy } from "react";
import type { Path } from "react-router-dom";
import type { AppRouteObject } from "../../routing/types";

const AcceptInvitationPage = lazy(() => import("../AcceptInvitationPage"));

export const ACCEPT_INVITATION_PATH = "/invitations/accept";

/** Signed-in route: RequireAuth signs the person in first and comes back with the token. */
export const AcceptInvitationRoute: AppRouteObject = {
  path: ACCEPT_INVITATION_PATH,
  element: <AcceptInvitationPage />,
  handle: { title: "Join a company" },
};

export const toAcceptInvitation = (token: string): Partial<Path> => ({
  pathname: ACCEPT_INVITATION_PATH,
  search: `?token=${encodeURIComponent(token)}`,
});
