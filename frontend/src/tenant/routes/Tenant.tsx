import { ActivityRoute } from "../../activity/routes/Activity";
import { BridgeRoute } from "../../bridge/routes/Bridge";
import { AllocationsRoute, CustomersRoute, OrderRoute, OrdersRoute } from "../../orders/routes/Orders";
import { SetupRoute } from "../../onboarding/routes/Setup";
import { StoreRoute, StoreRunRoute, StoresRoute } from "../../stores/routes/Stores";
import { TeamRoute } from "../../team/routes/Team";
import type { AppRouteObject } from "../../routing/types";
import { TenantLayout } from "../TenantLayout";
import { TENANT_PATH, TenantOverviewRoute } from "./TenantOverview";

/**
 * Everything under /t/:tenantId shares the tenant top bar and navigation
 * (TenantNav). Later features (onboarding wizard, stores, …) add their child
 * routes here and a link in TenantNav.
 */
export const TenantRoute: AppRouteObject = {
  path: TENANT_PATH,
  element: <TenantLayout />,
  children: [TenantOverviewRoute, BridgeRoute, StoresRoute, StoreRoute, StoreRunRoute, TeamRoute, ActivityRoute,
    OrdersRoute, OrderRoute, CustomersRoute, AllocationsRoute, SetupRoute],
};
