import { createContext, useContext } from "react";
import type { TenantWithRole } from "../api/types";

export interface TenantContextValue {
  tenant: TenantWithRole;
  reload: () => void;
}

export const TenantContext = createContext<TenantContextValue | undefined>(undefined);

/** The company currently open under /t/:tenantId. */
export function useTenant(): TenantContextValue {
  const ctx = useContext(TenantContext);
  if (!ctx) throw new Error("useTenant must be used inside the tenant layout");
  return ctx;
}
