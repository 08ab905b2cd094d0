import { useId } from "react";
import { Link, useNavigate } from "react-router-dom";
import { useAuth } from "../auth/AuthContext";
import { useMe } from "../me/MeContext";
import { toCreateCompany } from "../onboarding/routes/CreateCompany";
import { toSupportConsole } from "../support/routes/SupportConsole";
import { isStaff } from "../support/staff";
import { setLastTenantId } from "../utils/lastTenant";
import { toTenantOverview } from "./routes/TenantOverview";

interface TopBarProps {
  tenantId: string;
  tenantName?: string;
}

export function TopBar({ tenantId, tenantName }: TopBarProps) {
  const { logout } = useAuth();
  const { me } = useMe();
  const navigate = useNavigate();
  const switcherId = useId();
  const memberships = me.memberships;
  const current = memberships.find((m) => m.tenantId === tenantId);
  const name = tenantName ?? current?.tenantName ?? "";
  const showSwitcher = memberships.length > 1;

  return (
    <header className="topbar">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Link to={toTenantOverview({ tenantId })} className="brand" aria-label="Counterlink home">
        <span className="brand-mark" aria-hidden="true">↔</span>
        <span className="brand-name">Counterlink</span>
      </Link>
      <div className="topbar-tenant">
        {showSwitcher ? (
          <>
            <label htmlFor={switcherId} className="visually-hidden">
              Switch company
            </label>
            <select
              id={switcherId}
              className="tenant-switcher"
              value={current ? tenantId : ""}
              onChange={(e) => {
                const next = e.target.value;
                if (!next) return;
                setLastTenantId(next);
                navigate(toTenantOverview({ tenantId: next }));
              }}
            >
              {!current && <option value="">{name || "Choose a company"}</option>}
              {memberships.map((m) => (
                <option key={m.tenantId} value={m.tenantId}>
                  {m.tenantName}
                </option>
              ))}
            </select>
          </>
        ) : (
          <span className="tenant-name" data-testid="topbar-tenant-name">
            {name}
          </span>
        )}
        <Link className="topbar-link" to={toCreateCompany()}>
          New company
        </Link>
        {isStaff(me) && (
          <Link className="topbar-link" to={toSupportConsole()}>
            Support console
          </Link>
        )}
      </div>
      <div className="topbar-user">
        <span className="user-email" title={me.email ?? me.name}>
          {me.email ?? me.name ?? "Signed in"}
        </span>
        <button type="button" className="btn btn-small" onClick={() => void logout()}>
          Log out
        </button>
      </div>
    </header>
  );
}
