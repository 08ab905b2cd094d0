import type { Me } from "../api/types";
import { toCreateCompany } from "../onboarding/routes/CreateCompany";
import { toSupportConsole } from "../support/routes/SupportConsole";
import { isStaff } from "../support/staff";
import { toTenantOverview } from "../tenant/routes/TenantOverview";
import { pickTenant } from "../utils/lastTenant";
import type { Path } from "react-router-dom";

/** Where a signed-in user lands: their (last) company, the support console (staff), or "create your company". */
export function homeFor(me: Me): Partial<Path> {
  const tenant = pickTenant(me.memberships ?? []);
  if (tenant) return toTenantOverview({ tenantId: tenant.tenantId });
  return isStaff(me) ? toSupportConsole() : toCreateCompany();
}
