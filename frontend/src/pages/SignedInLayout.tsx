import { Outlet } from "react-router-dom";
import { SupportBanner } from "../support/SupportBanner";

/** Around every signed-in page (inside MeProvider): the support-session banner for Counterlink staff. */
export function SignedInLayout() {
  return (
    <SupportBanner>
      <Outlet />
    </SupportBanner>
  );
}
