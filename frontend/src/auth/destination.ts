import type { Me } from "../api/types";
import { toCreateCompany } from "../onboarding/routes/CreateCompany";
import { toTenantOverview } from "../tenant/routes/TenantOverview";
import { pickTenant } from "../utils/lastTenant";
import type { Path } from "react-router-dom";

/** Where a signed-in user lands: their (last) company, or "create your company". */
export function homeFor(me: Me): Partial<Path> {
  const tenant = pickTenant(me.memberships ?? []);
  return tenant ? toTenantOverview({ tenantId: tenant.tenantId }) : toCreateCompany();
}
