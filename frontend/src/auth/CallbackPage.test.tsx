import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeUser, oidc } from "../test/fakeUserManager";
import { json, mockFetch, problem, publicConfig } from "../test/mockFetch";
import { renderApp } from "../test/renderApp";

const tenant = (id: string, name: string) => ({
  id,
  name,
  slug: name.toLowerCase().replace(/\s+/g, "-"),
  status: "ACTIVE",
  createdAt: "2025-01-15T10:00:00Z",
  role: "owner",
});

function backend(memberships: { tenantId: string; tenantName: string; role: string }[], extra: Record<string, object> = {}) {
  return mockFetch({
    "GET /api/public/config": publicConfig,
    "GET /api/me": { subject: "user-1", email: "ada@example.com", name: "Ada", roles: [], memberships },
    "GET /api/tenants/t-1": tenant("t-1", "Acme Outfitters"),
    "GET /api/tenants/t-2": tenant("t-2", "Beta Bikes"),
    "GET /api/tenants/t-1/members": [],
    "GET /api/tenants/t-2/members": [],
    ...extra,
  });
}

describe("/auth/callback", () => {
  it("configures oidc-client-ts from /api/public/config", async () => {
    backend([]);
    oidc.callbackUser = fakeUser();
    renderApp("/auth/callback?code=abc&state=xyz");
    await screen.findByRole("heading", { name: "Create your company" });
    expect(oidc.last.settings).toMatchObject({
      authority: publicConfig.issuer,
      client_id: "counterlink-portal",
      redirect_uri: "http://localhost:5173/auth/callback",
      post_logout_redirect_uri: "http://localhost:5173",
      response_type: "code",
      scope: "openid profile email",
    });
  });

  it("sends a user without memberships to /onboarding/company", async () => {
    const fetchMock = backend([]);
    oidc.callbackUser = fakeUser({ access_token: "fresh-token" });
    renderApp("/auth/callback?code=abc&state=xyz");

    expect(await screen.findByRole("heading", { name: "Create your company" })).toBeInTheDocument();
    expect(window.location.pathname).toBe("/onboarding/company");
    expect(oidc.last.signinRedirectCallback).toHaveBeenCalledTimes(1);
    const meCall = fetchMock.mock.calls.find(([url]) => url === "/api/me");
    expect(new Headers(meCall?.[1]?.headers).get("Authorization")).toBe("Bearer fresh-token");
  });

  it("sends a member to their company page", async () => {
    backend([{ tenantId: "t-1", tenantName: "Acme Outfitters", role: "owner" }]);
    oidc.callbackUser = fakeUser();
    renderApp("/auth/callback?code=abc&state=xyz");

    expect(await screen.findByRole("heading", { level: 1, name: "Acme Outfitters" })).toBeInTheDocument();
    expect(window.location.pathname).toBe("/t/t-1");
    expect(window.localStorage.getItem("counterlink.lastTenantId")).toBe("t-1");
  });

  it("sends a member of a company whose setup isn't finished back into the setup wizard", async () => {
    backend([{ tenantId: "t-1", tenantName: "Acme Outfitters", role: "owner" }], {
      "GET /api/tenants/t-1/onboarding": { step: "STORES", siteId: null, bridge: "ONLINE", stores: [] },
      "GET /api/tenants/t-1/stores": [],
    });
    oidc.callbackUser = fakeUser();
    renderApp("/auth/callback?code=abc&state=xyz");

    expect(await screen.findByRole("heading", { level: 1, name: "Link a store" }, { timeout: 5000 })).toBeInTheDocument();
    expect(window.location.pathname).toBe("/t/t-1/setup/stores");
  });

  it("prefers the last chosen company when there are several", async () => {
    backend([
      { tenantId: "t-1", tenantName: "Acme Outfitters", role: "owner" },
      { tenantId: "t-2", tenantName: "Beta Bikes", role: "member" },
    ]);
    window.localStorage.setItem("counterlink.lastTenantId", "t-2");
    oidc.callbackUser = fakeUser();
    renderApp("/auth/callback?code=abc&state=xyz");

    expect(await screen.findByRole("heading", { level: 1, name: "Beta Bikes" })).toBeInTheDocument();
    expect(window.location.pathname).toBe("/t/t-2");
  });

  it("returns to the protected page the user first asked for", async () => {
    backend([
      { tenantId: "t-1", tenantName: "Acme Outfitters", role: "owner" },
      { tenantId: "t-2", tenantName: "Beta Bikes", role: "member" },
    ]);
    oidc.callbackUser = fakeUser({ state: { returnTo: "/t/t-2" } });
    renderApp("/auth/callback?code=abc&state=xyz");

    expect(await screen.findByRole("heading", { level: 1, name: "Beta Bikes" })).toBeInTheDocument();
  });

  it("shows a readable error when Keycloak reports one", async () => {
    backend([]);
    oidc.callbackError = Object.assign(new Error("access_denied"), { error: "access_denied" });
    renderApp("/auth/callback?error=access_denied&state=xyz");

    expect(await screen.findByRole("heading", { name: "Sign-in didn't complete" })).toBeInTheDocument();
    expect(screen.getByText("Sign-in was cancelled.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Log in again" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Back to start" })).toHaveAttribute("href", "/");
  });

  it("starts the sign-in again when it finished in another tab (a new account verified its email there)", async () => {
    backend([]);
    renderApp("/auth/callback?error=temporarily_unavailable&error_description=authentication_expired&state=xyz");

    await waitFor(() => expect(oidc.last.signinRedirect).toHaveBeenCalledTimes(1));
    expect(oidc.last.signinRedirect).toHaveBeenCalledWith({ state: { returnTo: "/" } });
    expect(oidc.last.signinRedirectCallback).not.toHaveBeenCalled();
    expect(screen.queryByRole("heading", { name: "Sign-in didn't complete" })).not.toBeInTheDocument();
  });

  it("explains an expired sign-in instead of starting it again in a loop", async () => {
    backend([]);
    window.sessionStorage.setItem("counterlink.authExpiredRestartAt", String(Date.now() - 5_000));
    renderApp("/auth/callback?error=temporarily_unavailable&error_description=authentication_expired&state=xyz");

    expect(await screen.findByRole("heading", { name: "Sign-in didn't complete" })).toBeInTheDocument();
    expect(screen.getByText("The sign-in took too long or finished in another tab. Log in again.")).toBeInTheDocument();
    expect(oidc.last.signinRedirect).not.toHaveBeenCalled();
  });

  it("offers a retry when the backend is down after sign-in", async () => {
    let up = false;
    mockFetch({
      "GET /api/public/config": publicConfig,
      "GET /api/me": () =>
        up
          ? json({ subject: "u", email: "a@b.c", roles: [], memberships: [] })
          : problem({ status: 500, title: "Internal Server Error" }),
    });
    oidc.callbackUser = fakeUser();
    renderApp("/auth/callback?code=abc&state=xyz");

    const retry = await screen.findByRole("button", { name: "Try again" });
    up = true;
    await userEvent.click(retry);
    await screen.findByRole("heading", { name: "Create your company" });
    await waitFor(() => expect(oidc.last.signinRedirectCallback).toHaveBeenCalledTimes(1));
  });
});
