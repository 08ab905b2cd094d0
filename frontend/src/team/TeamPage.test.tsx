import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Invitation, Member } from "../api/types";
import { acme } from "../bridge/testData";
import { fakeUser, oidc } from "../test/fakeUserManager";
import { json, mockFetch, problem, publicConfig, type Handler } from "../test/mockFetch";
import { renderApp } from "../test/renderApp";

const ada: Member = { subject: "user-1", email: "ada@example.com", name: "Ada Lovelace", role: "owner", joinedAt: "2025-01-15T10:00:00Z" };
const bob: Member = { subject: "user-2", email: "bob@example.com", name: "Bob", role: "member", joinedAt: "2025-02-01T10:00:00Z" };
const LAST_OWNER = "A company needs at least one owner: make someone else an owner first";

function teamBackend({ role = "owner", extra = {} }: { role?: string; extra?: Record<string, Handler | Response | object> } = {}) {
  return mockFetch({
    "GET /api/public/config": publicConfig,
    "GET /api/me": {
      subject: "user-1",
      email: "ada@example.com",
      roles: [],
      memberships: [{ tenantId: "t-1", tenantName: "Acme Outfitters", role }],
    },
    "GET /api/tenants/t-1": { ...acme, role },
    "GET /api/tenants/t-1/members": [{ ...ada, role }, bob],
    "GET /api/tenants/t-1/invitations": [],
    "GET /api/tenants/t-1/bridges": [],
    "GET /api/tenants/t-1/stores": [],
    ...extra,
  });
}

async function openTeam() {
  oidc.storedUser = fakeUser();
  renderApp("/t/t-1/team");
  await screen.findByRole("heading", { level: 1, name: "Team" }, { timeout: 5000 });
  return screen.findByRole("list", { name: "Members" });
}

describe("team page", () => {
  it("changes a role, and shows the last-owner conflict", async () => {
    const user = userEvent.setup();
    const put = vi.fn<Handler>(({ url, body }) => {
      const { role } = body as { role: string };
      if (url.pathname.endsWith("/user-1")) return problem({ status: 409, title: "Conflict", detail: LAST_OWNER });
      return json({ ...bob, role });
    });
    teamBackend({ extra: { "PUT /api/tenants/t-1/members/user-2": put, "PUT /api/tenants/t-1/members/user-1": put } });
    const list = await openTeam();

    await user.selectOptions(within(list).getByLabelText("Role of Bob"), "Owner");
    expect(await screen.findByText("Bob is now an owner.")).toBeInTheDocument();
    expect(put).toHaveBeenLastCalledWith(expect.objectContaining({ body: { role: "owner" } }));
    expect(within(list).getByLabelText("Role of Bob")).toHaveValue("owner");

    const mine = within(list).getByLabelText("Role of Ada Lovelace");
    await user.selectOptions(mine, "Member");
    expect(await within(list).findByText(LAST_OWNER)).toBeInTheDocument();
    expect(mine).toHaveValue("owner"); // unchanged
    expect(mine).toHaveAccessibleDescription(LAST_OWNER);
    const nav = screen.getByRole("navigation", { name: "Company" });
    expect(within(nav).getByRole("link", { name: "Team" })).toHaveAttribute("aria-current", "page");
  });

  it("removes a member after confirmation and shows a conflict in the dialog", async () => {
    const user = userEvent.setup();
    let conflict = true;
    teamBackend({
      extra: {
        "DELETE /api/tenants/t-1/members/user-2": () =>
          conflict ? problem({ status: 409, title: "Conflict", detail: LAST_OWNER }) : new Response(null, { status: 204 }),
      },
    });
    const list = await openTeam();
    await user.click(within(list).getByRole("button", { name: "Remove Bob" }));
    const dialog = screen.getByRole("dialog", { name: "Remove Bob?" });
    await user.click(within(dialog).getByRole("button", { name: "Remove member" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent(LAST_OWNER);
    conflict = false;
    await user.click(within(dialog).getByRole("button", { name: "Remove member" }));
    await vi.waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(within(list).queryByText("Bob")).not.toBeInTheDocument();
  });

  it("lets a member leave, without owner controls", async () => {
    const user = userEvent.setup();
    const del = vi.fn<Handler>(() => new Response(null, { status: 204 }));
    teamBackend({ role: "member", extra: { "DELETE /api/tenants/t-1/members/user-1": del } });
    const list = await openTeam();
    expect(screen.getByTestId("owner-only-note")).toBeInTheDocument();
    expect(within(list).queryByRole("combobox")).not.toBeInTheDocument();
    expect(within(list).queryByRole("button", { name: "Remove Bob" })).not.toBeInTheDocument();
    expect(screen.queryByRole("form", { name: "Invite someone" })).not.toBeInTheDocument();
    await user.click(within(list).getByRole("button", { name: "Leave company" }));
    await user.click(within(screen.getByRole("dialog", { name: "Leave Acme Outfitters?" })).getByRole("button", { name: "Leave company" }));
    await vi.waitFor(() => expect(del).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(window.location.pathname).not.toBe("/t/t-1/team"));
  });

  it("invites by link: shows the link once with Copy, then only the pending invitation", async () => {
    const user = userEvent.setup();
    const created: Invitation = {
      id: "i-1",
      email: "carol@example.com",
      role: "member",
      status: "PENDING",
      createdAt: "2025-04-01T10:00:00Z",
      expiresAt: "2025-04-08T10:00:00Z",
      acceptUrl: "http://localhost:5173/invitations/accept?token=secret-token",
    };
    const post = vi.fn<Handler>(({ body }) => {
      const b = body as { email: string };
      if (b.email === "bob@example.com") return problem({ status: 409, title: "Conflict", detail: "bob@example.com is already a member" });
      return json(created, 201);
    });
    teamBackend({
      extra: {
        "POST /api/tenants/t-1/invitations": post,
        "DELETE /api/tenants/t-1/invitations/i-1": new Response(null, { status: 204 }),
      },
    });
    await openTeam();
    expect(await screen.findByText("No pending invitations")).toBeInTheDocument();

    const email = screen.getByLabelText("Email address");
    await user.type(email, "bob@example.com");
    await user.click(screen.getByRole("button", { name: "Create invitation link" }));
    expect(await screen.findByText("bob@example.com is already a member")).toBeInTheDocument();
    await vi.waitFor(() => expect(email).toHaveFocus());

    await user.clear(email);
    await user.type(email, "carol@example.com");
    await user.click(screen.getByRole("button", { name: "Create invitation link" }));
    expect(post).toHaveBeenLastCalledWith(expect.objectContaining({ body: { email: "carol@example.com", role: "member" } }));
    expect(await screen.findByTestId("invitation-link")).toHaveTextContent(created.acceptUrl!);
    expect(screen.getByTestId("new-invitation")).toHaveTextContent(/works only for that email address/);
    await user.click(screen.getByRole("button", { name: "Copy invitation link" }));
    expect(await navigator.clipboard.readText()).toBe(created.acceptUrl);

    const pending = screen.getByRole("list", { name: "Pending invitations" });
    expect(pending).toHaveTextContent("carol@example.com");
    expect(pending).not.toHaveTextContent("secret-token");

    await user.click(screen.getByRole("button", { name: "Done" }));
    expect(screen.queryByTestId("invitation-link")).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent("secret-token");

    await user.click(within(pending).getByRole("button", { name: "Revoke invitation for carol@example.com" }));
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Revoke invitation" }));
    expect(await screen.findByText("No pending invitations")).toBeInTheDocument();
  });
});
