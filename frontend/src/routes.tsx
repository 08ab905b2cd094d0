import { RequireAuth } from "./auth/RequireAuth";
import { CallbackRoute } from "./auth/routes/Callback";
import { AcceptInvitationRoute } from "./invitations/routes/AcceptInvitation";
import { LandingRoute } from "./landing/routes/Landing";
import { CreateCompanyRoute } from "./onboarding/routes/CreateCompany";
import { RootLayout } from "./pages/RootLayout";
import { RouteErrorPage } from "./pages/RouteErrorPage";
import { SignedInLayout } from "./pages/SignedInLayout";
import { NotFoundRoute } from "./pages/routes";
import type { AppRouteObject } from "./routing/types";
import { SupportConsoleRoute } from "./support/routes/SupportConsole";
import { TenantRoute } from "./tenant/routes/Tenant";

/** Routes that need a signed-in user. New features register their routes here. */
export const protectedRoutes: AppRouteObject[] = [CreateCompanyRoute, TenantRoute, AcceptInvitationRoute, SupportConsoleRoute];

export const publicRoutes: AppRouteObject[] = [LandingRoute, CallbackRoute];

export const routes: AppRouteObject[] = [
  {
    element: <RootLayout />,
    errorElement: <RouteErrorPage />,
    children: [...publicRoutes, { element: <RequireAuth />, children: [{ element: <SignedInLayout />, children: protectedRoutes }] }, NotFoundRoute],
  },
];
