import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Me, SupportSession } from "../api/types";
import { acme } from "../bridge/testData";
import { fakeUser, oidc } from "../test/fakeUserManager";
import { json, mockFetch, problem, publicConfig, type Handler } from "../test/mockFetch";
import { renderApp } from "../test/renderApp";

const live: SupportSession = {
  id: "s-1",
  tenantId: "t-1",
  staffSubject: "staff-1",
  staffEmail: "sam@counterlink.example",
  reason: "Ticket 4711: prices don't sync",
  startedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
  expiresAt: new Date(Date.now() + 25 * 60_000).toISOString(),
  endedAt: null,
};
const expired: SupportSession = {
  ...live,
  id: "s-0",
  tenantId: "t-2",
  reason: "Old ticket 4000 from yesterday",
  expiresAt: new Date(Date.now() - 60_000).toISOString(),
};

const staff = (sessions: SupportSession[]): Me => ({
  subject: "staff-1",
  email: "sam@counterlink.example",
  roles: ["vendor-admin"],
  memberships: [],
  supportSessions: sessions,
});

function backend(extra: Record<string, Handler | object> = {}) {
  let me = staff([live, expired]);
  const end = vi.fn<Handler>(() => {
    me = staff([]);
    return new Response(null, { status: 204 });
  });
  mockFetch({
    "GET /api/public/config": publicConfig,
    "GET /api/me": () => json(me),
    "GET /api/tenants/t-1": acme,
    "GET /api/tenants/t-1/members": [],
    "GET /api/tenants/t-1/bridges": [],
    "GET /api/tenants/t-1/stores": [],
    "POST /api/support/tenants/t-1/sessions/s-1/end": end,
    ...extra,
  });
  return { end };
}

describe("support session banner", () => {
  it("shows the live session unmistakably on the company, and End session ends it", async () => {
    const user = userEvent.setup();
    const { end } = backend();
    oidc.storedUser = fakeUser();
    renderApp("/t/t-1/bridge");

    const banner = await screen.findByTestId("support-banner");
    expect(screen.getAllByTestId("support-banner")).toHaveLength(1); // the expired one is gone
    expect(banner).toHaveAttribute("role", "status");
    expect(await within(banner).findByText("Acme Outfitters")).toBeInTheDocument();
    expect(banner).toHaveTextContent(/Support session:\s*acting as Acme Outfitters/);
    expect(banner).toHaveTextContent("Ticket 4711: prices don't sync");
    expect(banner).toHaveTextContent(/ends at/);
    expect(within(banner).getByText(/ends at/).querySelector("time")).toHaveAttribute("dateTime", live.expiresAt);
    expect(banner).toHaveAttribute("data-acting-here", "true");
    expect(banner).toHaveTextContent("You are not a member of Acme Outfitters");
    expect(banner.closest(".support-frame")).not.toBeNull();

    await user.click(within(banner).getByRole("button", { name: "End session" }));
    expect(end).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(window.location.pathname).toBe("/support"));
    expect(await screen.findByRole("heading", { level: 1, name: "Support console" })).toBeInTheDocument();
    await vi.waitFor(() => expect(screen.queryByTestId("support-banner")).not.toBeInTheDocument());
    expect(await screen.findByText("Support session ended.")).toBeInTheDocument();
  });

  it("is read-only until elevated for writes with a reason of its own, and goes back to read-only", async () => {
    const user = userEvent.setup();
    let me = staff([live]);
    const until = new Date(Date.now() + 15 * 60_000).toISOString();
    const elevate = vi.fn<Handler>(({ body }) => {
      const { reason } = body as { reason: string };
      const elevated = { ...live, elevatedReason: reason, elevatedAt: new Date().toISOString(), elevatedUntil: until };
      me = staff([elevated]);
      return json(elevated);
    });
    const lower = vi.fn<Handler>(() => {
      const lowered = { ...live, elevatedReason: "Ticket 4711: retry order 1042", elevatedAt: live.startedAt, elevatedUntil: new Date().toISOString() };
      me = staff([lowered]);
      return json(lowered);
    });
    mockFetch({
      "GET /api/public/config": publicConfig,
      "GET /api/me": () => json(me),
      "GET /api/tenants/t-1": acme,
      "GET /api/tenants/t-1/members": [],
      "GET /api/tenants/t-1/bridges": [],
      "GET /api/tenants/t-1/stores": [],
      "POST /api/support/tenants/t-1/sessions/s-1/elevation": elevate,
      "DELETE /api/support/tenants/t-1/sessions/s-1/elevation": lower,
    });
    oidc.storedUser = fakeUser();
    renderApp("/t/t-1/bridge");

    const banner = await screen.findByTestId("support-banner");
    expect(within(banner).getByTestId("support-mode")).toHaveTextContent("read-only");
    expect(banner).toHaveTextContent("you change nothing unless you elevate the session for writes");
    expect(screen.queryByTestId("company-support-notice")).not.toBeInTheDocument(); // that one is for the company's people

    await user.click(within(banner).getByRole("button", { name: "Elevate for writes" }));
    const dialog = screen.getByRole("dialog", { name: "Elevate the session in Acme Outfitters for writes" });
    await user.click(within(dialog).getByRole("button", { name: "Open writes" }));
    expect(await within(dialog).findByText(/Give a reason of 10–500 characters/)).toBeInTheDocument();
    expect(elevate).not.toHaveBeenCalled();

    await user.click(within(dialog).getByLabelText("Reason for writes"));
    await user.paste("Ticket 4711: retry order 1042");
    await user.selectOptions(within(dialog).getByLabelText("For"), "30 minutes");
    await user.click(within(dialog).getByRole("button", { name: "Open writes" }));
    await vi.waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(elevate).toHaveBeenCalledWith(expect.objectContaining({ body: { reason: "Ticket 4711: retry order 1042", minutes: 30 } }));
    expect(within(banner).getByTestId("support-mode")).toHaveTextContent("writes open until");
    expect(within(banner).getByTestId("support-mode").querySelector("time")).toHaveAttribute("dateTime", until);
    expect(banner).toHaveTextContent("(Ticket 4711: retry order 1042)");

    await user.click(within(banner).getByRole("button", { name: "Back to read-only" }));
    await vi.waitFor(() => expect(within(banner).getByTestId("support-mode")).toHaveTextContent("read-only"));
    expect(lower).toHaveBeenCalledTimes(1);
    expect(within(banner).getByRole("button", { name: "Elevate for writes" })).toBeInTheDocument();
  });

  it("tells a staff member whose session the company ended that there is no access any more", async () => {
    mockFetch({
      "GET /api/public/config": publicConfig,
      "GET /api/me": staff([]),
      "GET /api/tenants/t-1": problem({
        status: 403,
        title: "No live support session on this company",
        code: "SUPPORT_SESSION_REQUIRED",
        detail: "The company ended your support session at 2025-04-01T09:20:00Z; open a new one, with a reason, to act in it again",
      }),
    });
    oidc.storedUser = fakeUser();
    renderApp("/t/t-1/bridge");
    expect(await screen.findByRole("heading", { name: "No access to this company" })).toBeInTheDocument();
    expect(screen.getByText(/The company ended your support session/)).toBeInTheDocument();
    expect(within(screen.getByRole("main")).getByRole("link", { name: "Support console" })).toHaveAttribute("href", "/support");
    expect(screen.queryByTestId("support-banner")).not.toBeInTheDocument();
  });

  it("is calmer on other pages and links to the company", async () => {
    backend();
    oidc.storedUser = fakeUser();
    renderApp("/support");
    const banner = await screen.findByTestId("support-banner");
    expect(banner).toHaveAttribute("data-acting-here", "false");
    expect(banner).not.toHaveTextContent("You are not a member");
    expect(within(banner).getByRole("link", { name: /Open company/ })).toHaveAttribute("href", "/t/t-1");
  });
});
