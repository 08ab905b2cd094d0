import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { SupportSession } from "../api/types";
import { bridgeBackend } from "../bridge/testData";
import { fakeUser, oidc } from "../test/fakeUserManager";
import { json, type Handler } from "../test/mockFetch";
import { renderApp } from "../test/renderApp";

const live = (overrides: Partial<SupportSession> = {}): SupportSession => ({
  id: "s-1",
  tenantId: "t-1",
  staffSubject: "staff-1",
  staffEmail: "sam@counterlink.example",
  reason: "Ticket 4711: prices don't sync",
  startedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
  expiresAt: new Date(Date.now() + 25 * 60_000).toISOString(),
  endedAt: null,
  ...overrides,
});

describe("the company's notice of a live support session", () => {
  it("tells an owner that support is in, read-only, and lets them end the session", async () => {
    const user = userEvent.setup();
    let sessions = [live(), live({ id: "s-0", endedAt: new Date(Date.now() - 60_000).toISOString() })];
    const end = vi.fn<Handler>(() => {
      sessions = sessions.map((s) => (s.id === "s-1" ? { ...s, endedAt: new Date().toISOString(), endedBy: "user-1" } : s));
      return json(sessions[0]);
    });
    bridgeBackend([], {
      extra: {
        "GET /api/tenants/t-1/support-sessions": () => json(sessions),
        "POST /api/tenants/t-1/support-sessions/s-1/end": end,
      },
    });
    oidc.storedUser = fakeUser();
    renderApp("/t/t-1/bridge");

    const notice = await screen.findByTestId("company-support-notice");
    expect(notice).toHaveAttribute("role", "status");
    expect(notice).toHaveTextContent("Counterlink support (sam@counterlink.example) is in your company");
    expect(notice).toHaveTextContent("Ticket 4711: prices don't sync");
    expect(notice).toHaveTextContent("They can look but not change anything.");
    expect(within(notice).getByRole("link", { name: "See what support did" })).toHaveAttribute("href", "/t/t-1/activity");

    await user.click(within(notice).getByRole("button", { name: /End session/ }));
    expect(end).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(screen.queryByTestId("company-support-notice")).not.toBeInTheDocument());
    expect(await screen.findByText(/Support session ended: sam@counterlink.example no longer has access/)).toBeInTheDocument();
  });

  it("shows a member when writes are open, and that an owner can end it", async () => {
    const until = new Date(Date.now() + 10 * 60_000).toISOString();
    bridgeBackend([], {
      role: "member",
      extra: {
        "GET /api/tenants/t-1/support-sessions": [
          live({ elevatedReason: "Ticket 4711: retry order 1042", elevatedAt: new Date().toISOString(), elevatedUntil: until }),
        ],
      },
    });
    oidc.storedUser = fakeUser();
    renderApp("/t/t-1/bridge");

    const notice = await screen.findByTestId("company-support-notice");
    expect(notice).toHaveTextContent("Writes are open until");
    expect(notice.querySelector(`time[datetime="${until}"]`)).not.toBeNull();
    expect(notice).toHaveTextContent("Ticket 4711: retry order 1042");
    expect(notice).toHaveTextContent("An owner of the company can end the session.");
    expect(within(notice).queryByRole("button", { name: /End session/ })).not.toBeInTheDocument();
  });

  it("is not there when no session is live", async () => {
    bridgeBackend([], { extra: { "GET /api/tenants/t-1/support-sessions": [live({ endedAt: new Date().toISOString() })] } });
    oidc.storedUser = fakeUser();
    renderApp("/t/t-1/bridge");
    await screen.findByRole("heading", { level: 1 });
    expect(screen.queryByTestId("company-support-notice")).not.toBeInTheDocument();
  });
});
