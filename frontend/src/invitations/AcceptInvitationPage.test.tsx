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

  it("for another address: shows why and offers to sign in with the invited one", async () => {
    const detail = "This invitation was sent to a different email address: sign in with the address it was sent to, "
      + "or ask the company's owner to invite the address you use";
    backend(() => problem({ status: 403, title: "Not allowed", detail, code: "FORBIDDEN" }));
    oidc.storedUser = fakeUser();
    renderApp("/invitations/accept?token=abc");
    expect(await screen.findByRole("heading", { name: "This invitation is for someone else" }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText(detail)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Log out and sign in with the invited address" }));
    await vi.waitFor(() => expect(oidc.last.signinRedirect).toHaveBeenCalled());
    expect(oidc.last.removeUser).toHaveBeenCalled();
    expect(oidc.last.signinRedirect).toHaveBeenCalledWith({
      prompt: "login",
      state: { returnTo: "/invitations/accept?token=abc" },
    });
  });

  it("for an address not verified yet: asks to verify it and signs in again to do so, back to the same link", async () => {
    const detail = "Verify your email address before accepting an invitation: open the link in the email we sent you "
      + "(signing in again sends a new one), then open this invitation link again";
    backend(() => problem({ status: 403, title: "Verify your email address first", detail, code: "EMAIL_NOT_VERIFIED" }));
    oidc.storedUser = fakeUser();
    renderApp("/invitations/accept?token=abc");
    expect(await screen.findByRole("heading", { name: "Verify your email address first" }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText(detail)).toBeInTheDocument();
    expect(screen.queryByText("This invitation is for someone else")).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Sign in again to verify your email" }));
    await vi.waitFor(() => expect(oidc.last.signinRedirect).toHaveBeenCalled());
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
