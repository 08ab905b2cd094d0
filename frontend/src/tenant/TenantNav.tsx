import { NavLink } from "react-router-dom";
import { toActivity } from "../activity/routes/Activity";
import { toBridge } from "../bridge/routes/Bridge";
import { toSetup } from "../onboarding/routes/Setup";
import { toOrders } from "../orders/routes/Orders";
import { toStores } from "../stores/routes/Stores";
import { toTeam } from "../team/routes/Team";
import { toTenantOverview } from "./routes/TenantOverview";

/** The sections of a company. New tenant pages add a link here. */
export function TenantNav({ tenantId }: { tenantId: string }) {
  const cls = ({ isActive }: { isActive: boolean }) => (isActive ? "tenant-nav-link active" : "tenant-nav-link");
  return (
    <nav className="tenant-nav" aria-label="Company">
      <ul>
        <li>
          <NavLink to={toTenantOverview({ tenantId })} end className={cls}>
            Overview
          </NavLink>
        </li>
        <li>
          <NavLink to={toBridge({ tenantId })} className={cls}>
            Bridge
          </NavLink>
        </li>
        <li>
          <NavLink to={toStores({ tenantId })} className={cls}>
            Stores
          </NavLink>
        </li>
        <li>
          <NavLink to={toOrders({ tenantId })} className={cls}>
            Orders
          </NavLink>
        </li>
        <li>
          <NavLink to={toTeam({ tenantId })} className={cls}>
            Team
          </NavLink>
        </li>
        <li>
          <NavLink to={toActivity({ tenantId })} className={cls}>
            Activity
          </NavLink>
        </li>
        <li>
          <NavLink to={toSetup({ tenantId })} className={cls}>
            Setup
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
