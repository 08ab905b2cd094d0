import { lazy } from "react";
import { generatePath, type Path } from "react-router-dom";
import type { OrderState } from "../../api/types";
import type { AppRouteObject } from "../../routing/types";
import type { TenantParams } from "../../tenant/routes/TenantOverview";

const OrdersPage = lazy(() => import("../OrdersPage"));
const OrderDetailPage = lazy(() => import("../OrderDetailPage"));
const CustomersPage = lazy(() => import("../CustomersPage"));
const AllocationsPage = lazy(() => import("../AllocationsPage"));

export const ORDERS_PATH = "/t/:tenantId/orders";
export const ORDER_PATH = "/t/:tenantId/orders/:orderId";
export const CUSTOMERS_PATH = "/t/:tenantId/orders/customers";
export const ALLOCATIONS_PATH = "/t/:tenantId/orders/allocation";

/** Children of the tenant layout (see tenant/routes/Tenant.tsx). */
export const OrdersRoute: AppRouteObject = { path: "orders", element: <OrdersPage />, handle: { title: "Orders" } };
export const OrderRoute: AppRouteObject = { path: "orders/:orderId", element: <OrderDetailPage />, handle: { title: "Order" } };
export const CustomersRoute: AppRouteObject = { path: "orders/customers", element: <CustomersPage />, handle: { title: "Customers" } };
export const AllocationsRoute: AppRouteObject = { path: "orders/allocation", element: <AllocationsPage />, handle: { title: "Allocation" } };

export const toOrders = (params: TenantParams, state?: OrderState): Partial<Path> => ({
  pathname: generatePath(ORDERS_PATH, params),
  ...(state ? { search: `?state=${encodeURIComponent(state)}` } : {}),
});
export const toOrder = (params: TenantParams & { orderId: string }): Partial<Path> => ({ pathname: generatePath(ORDER_PATH, params) });
export const toCustomers = (params: TenantParams): Partial<Path> => ({ pathname: generatePath(CUSTOMERS_PATH, params) });
export const toAllocations = (params: TenantParams, itemNo?: string): Partial<Path> => ({
  pathname: generatePath(ALLOCATIONS_PATH, params),
  ...(itemNo ? { search: `?itemNo=${encodeURIComponent(itemNo)}` } : {}),
});
