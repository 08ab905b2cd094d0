import { Link } from "react-router-dom";
import { useAuth } from "../auth/AuthContext";
import { useMe } from "../me/MeContext";
import { toSupportConsole } from "../support/routes/SupportConsole";
import { isStaff } from "../support/staff";

/** Top bar for signed-in pages outside a company (e.g. onboarding). */
export function SimpleHeader() {
  const { logout } = useAuth();
  const { me } = useMe();
  return (
    <header className="topbar">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Link to="/" className="brand" aria-label="Counterlink home">
        <span className="brand-mark" aria-hidden="true">↔</span>
        <span className="brand-name">Counterlink</span>
      </Link>
      {isStaff(me) && (
        <div className="topbar-tenant">
          <Link className="topbar-link" to={toSupportConsole()}>
            Support console
          </Link>
        </div>
      )}
      <div className="topbar-user">
        <span className="user-email" title={me.email ?? me.name}>{me.email ?? me.name ?? "Signed in"}</span>
        <button type="button" className="btn btn-small" onClick={() => void logout()}>
          Log out
        </button>
      </div>
    </header>
  );
}
