import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeUser, oidc } from "../test/fakeUserManager";
import { json, mockFetch, problem, publicConfig } from "../test/mockFetch";
import { renderApp } from "../test/renderApp";

describe("landing and sign-in", () => {
  it("offers Log in and Create an account", async () => {
    mockFetch({ "GET /api/public/config": publicConfig });
    renderApp("/");
    expect(await screen.findByRole("heading", { level: 1, name: "Counterlink" })).toBeInTheDocument();

    expect(screen.getByRole("button", { name: "Create an account" })).toBeEnabled();
    await userEvent.click(screen.getByRole("button", { name: "Log in" }));
    expect(oidc.last.signinRedirect).toHaveBeenCalledWith({ state: { returnTo: "/" } });
    // While the browser leaves for Keycloak, the buttons can't be pressed twice.
    expect(screen.getByRole("button", { name: "Opening sign-in…" })).toBeDisabled();
  });

  it("opens Keycloak's registration page with prompt=create", async () => {
    mockFetch({ "GET /api/public/config": publicConfig });
    renderApp("/");
    await userEvent.click(await screen.findByRole("button", { name: "Create an account" }));
    expect(oidc.last.signinRedirect).toHaveBeenCalledTimes(1);
    expect(oidc.last.signinRedirect).toHaveBeenCalledWith(expect.objectContaining({ prompt: "create" }));
  });

  it("shows an error when the sign-in service is unreachable", async () => {
    mockFetch({ "GET /api/public/config": publicConfig });
    renderApp("/");
    await screen.findByRole("heading", { level: 1, name: "Counterlink" });
    oidc.last.signinRedirect.mockRejectedValueOnce(new Error("Failed to fetch"));
    await userEvent.click(screen.getByRole("button", { name: "Log in" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("sign-in service could not be reached");
    expect(screen.getByRole("button", { name: "Log in" })).toBeEnabled();
  });

  it("redirects a guest from a protected page to Keycloak and back", async () => {
    mockFetch({ "GET /api/public/config": publicConfig });
    renderApp("/t/t-1?tab=members");
    expect(await screen.findByText("Redirecting you to sign in…")).toBeInTheDocument();
    await waitFor(() =>
      expect(oidc.last.signinRedirect).toHaveBeenCalledWith({ state: { returnTo: "/t/t-1?tab=members" } }),
    );
    expect(oidc.last.signinRedirect).toHaveBeenCalledTimes(1);
  });

  it("sends a signed-in visitor of / to their company", async () => {
    mockFetch({
      "GET /api/public/config": publicConfig,
      "GET /api/me": { subject: "u", email: "a@b.c", roles: [], memberships: [] },
    });
    oidc.storedUser = fakeUser();
    renderApp("/");
    expect(await screen.findByRole("heading", { name: "Create your company" })).toBeInTheDocument();
  });

  it("shows a retry when the backend is down at start", async () => {
    let up = false;
    mockFetch({
      "GET /api/public/config": () => (up ? json(publicConfig) : Promise.reject(new TypeError("Failed to fetch"))),
    });
    renderApp("/");
    expect(await screen.findByRole("heading", { name: "Can't start Counterlink" })).toBeInTheDocument();
    expect(screen.getByText(/could not be reached/)).toBeInTheDocument();
    up = true;
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Counterlink" })).toBeInTheDocument();
  });

  it("signs in again when the API answers 401", async () => {
    mockFetch({
      "GET /api/public/config": publicConfig,
      "GET /api/me": problem({ status: 401, title: "Unauthorized" }),
    });
    oidc.storedUser = fakeUser();
    renderApp("/t/t-1");
    await waitFor(() =>
      expect(oidc.last.signinRedirect).toHaveBeenCalledWith({ state: { returnTo: "/t/t-1" } }),
    );
    expect(oidc.last.removeUser).toHaveBeenCalled();
  });

  it("shows a page-not-found for unknown URLs", async () => {
    mockFetch({ "GET /api/public/config": publicConfig });
    renderApp("/no/such/page");
    expect(await screen.findByRole("heading", { name: "Page not found" })).toBeInTheDocument();
  });
});
