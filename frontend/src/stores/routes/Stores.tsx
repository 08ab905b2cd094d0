import { lazy } from "react";
import { generatePath, type Path } from "react-router-dom";
import type { AppRouteObject } from "../../routing/types";
import type { TenantParams } from "../../tenant/routes/TenantOverview";

const StoresPage = lazy(() => import("../StoresPage"));
const StorePage = lazy(() => import("../StorePage"));
const RunDetailPage = lazy(() => import("../RunDetailPage"));

export const STORES_PATH = "/t/:tenantId/stores";
export const STORE_PATH = "/t/:tenantId/stores/:siteId";
export const STORE_RUN_PATH = "/t/:tenantId/stores/:siteId/runs/:runId";

export type StoreParams = TenantParams & { siteId: string };
export type StoreRunParams = StoreParams & { runId: string };

/** Children of the tenant layout (see tenant/routes/Tenant.tsx). */
export const StoresRoute: AppRouteObject = {
  path: "stores",
  element: <StoresPage />,
  handle: { title: "Stores" },
};

export const StoreRoute: AppRouteObject = {
  path: "stores/:siteId",
  element: <StorePage />,
  handle: { title: "Store" },
};

export const StoreRunRoute: AppRouteObject = {
  path: "stores/:siteId/runs/:runId",
  element: <RunDetailPage />,
  handle: { title: "Sync run" },
};

export const toStores = (params: TenantParams, hash?: string): Partial<Path> => ({
  pathname: generatePath(STORES_PATH, params),
  ...(hash ? { hash } : {}),
});

export const toStore = (params: StoreParams, hash?: string): Partial<Path> => ({
  pathname: generatePath(STORE_PATH, params),
  ...(hash ? { hash } : {}),
});

export const toStoreRun = (params: StoreRunParams): Partial<Path> => ({
  pathname: generatePath(STORE_RUN_PATH, params),
});
