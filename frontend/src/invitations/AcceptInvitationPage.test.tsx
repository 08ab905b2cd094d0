import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { acme } from "../bridge/testData";
import { fakeUser, oidc } from "../test/fakeUserManager";
import { json, mockFetch, problem, publicConfig, type Handler } from "../test/mockFetch";
import { renderApp } from "../test/renderApp";

function backend(accept: Handler) {
  return mockFetch({
    "GET /api/public/config": publicConfig,
    "GET /api/me": { subject: "user-1", email: "ada@example.com", roles: [], memberships: [] },
    "POST /api/invitations/accept": accept,
    "GET /api/tenants/t-9": { ...acme, id: "t-9", name: "Beta Bikes", role: "member" },
    "GET /api/tenants/t-9/members": [],
    "GET /api/tenants/t-9/bridges": [],
    "GET /api/tenants/t-9/stores": [],
  });
}

describe("accept invitation", () => {
  it("signs in first and comes back to the same link", async () => {
    backend(() => json({}));
    renderApp("/invitations/accept?token=abc");
    expect(await screen.findByText("Redirecting you to sign in…", {}, { timeout: 5000 })).toBeInTheDocument();
    expect(oidc.last.signinRedirect).toHaveBeenCalledWith({ state: { returnTo: "/invitations/accept?token=abc" } });
  });

  it("joins the company once and opens it with a welcome", async () => {
    const accept = vi.fn<Handler>(({ body }) => {
      expect(body).toEqual({ token: "abc" });
      return json({ ...acme, id: "t-9", name: "Beta Bikes", role: "member" });
    });
    backend(accept);
    oidc.storedUser = fakeUser();
    renderApp("/invitations/accept?token=abc");
    expect(await screen.findByRole("heading", { level: 1, name: "Beta Bikes" }, { timeout: 5000 })).toBeInTheDocument();
    expect(window.location.pathname).toBe("/t/t-9");
    expect(screen.getByText("Welcome to Beta Bikes! You joined as member.")).toBeInTheDocument();
    expect(accept).toHaveBeenCalledTimes(1);
    expect(window.localStorage.getItem("counterlink.lastTenantId")).toBe("t-9");
  });

  it("for another address: shows why and offers to sign in as that address", async () => {
    const detail = "This invitation was sent to carol@example.com; you are signed in as ada@example.com";
    backend(() => problem({ status: 403, title: "Forbidden", detail }));
    oidc.storedUser = fakeUser();
    renderApp("/invitations/accept?token=abc");
    expect(await screen.findByRole("heading", { name: "This invitation is for someone else" }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText(detail)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Log out and sign in as that address" }));
    await vi.waitFor(() => expect(oidc.last.signinRedirect).toHaveBeenCalled());
    expect(oidc.last.removeUser).toHaveBeenCalled();
    expect(oidc.last.signinRedirect).toHaveBeenCalledWith({
      prompt: "login",
      state: { returnTo: "/invitations/accept?token=abc" },
    });
  });

  it("for a used, revoked or expired invitation: asks for a new one", async () => {
    backend(() => problem({ status: 404, title: "Not Found", detail: "whatever the server says" }));
    oidc.storedUser = fakeUser();
    renderApp("/invitations/accept?token=old");
    expect(await screen.findByRole("heading", { name: "Invitation not valid" }, { timeout: 5000 })).toBeInTheDocument();
    expect(
      screen.getByText("This invitation is not valid any more: ask the company's owner for a new one"),
    ).toBeInTheDocument();
  });
});
