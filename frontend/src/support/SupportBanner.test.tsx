import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Me, SupportSession } from "../api/types";
import { acme } from "../bridge/testData";
import { fakeUser, oidc } from "../test/fakeUserManager";
import { json, mockFetch, publicConfig, type Handler } from "../test/mockFetch";
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
