import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { AuditEvent, SupportSession } from "../api/types";
import { bridgeBackend } from "../bridge/testData";
import { fakeUser, oidc } from "../test/fakeUserManager";
import { renderApp } from "../test/renderApp";

const ONBEHALF = "support session s-1 (Ticket 4711: prices don't sync)";
const sessions: SupportSession[] = [
  {
    id: "s-1",
    tenantId: "t-1",
    staffSubject: "staff-1",
    staffEmail: "sam@counterlink.example",
    reason: "Ticket 4711: prices don't sync",
    startedAt: "2025-04-01T09:00:00Z",
    expiresAt: "2025-04-01T09:30:00Z",
    endedAt: "2025-04-01T09:20:00Z",
  },
];
const access = (id: string, occurredAt: string, path: string): AuditEvent => ({
  id,
  occurredAt,
  actorSubject: "staff-1",
  actorEmail: "sam@counterlink.example",
  onBehalfOf: ONBEHALF,
  action: "support.access",
  targetType: "tenant",
  targetId: "t-1",
  detail: { method: "GET", path },
});
const events: AuditEvent[] = [
  access("a-4", "2025-04-01T09:12:00Z", "/api/tenants/t-1/stores"),
  access("a-3", "2025-04-01T09:11:00Z", "/api/tenants/t-1"),
  {
    id: "a-2",
    occurredAt: "2025-04-01T09:10:00Z",
    actorSubject: "staff-1",
    actorEmail: "sam@counterlink.example",
    onBehalfOf: ONBEHALF,
    action: "sync.run.requested",
    targetType: "store",
    targetId: "site-1",
    detail: { jobType: "PRICING" },
  },
  {
    id: "a-1",
    occurredAt: "2025-03-01T09:00:00Z",
    actorSubject: "user-1",
    actorEmail: "ada@example.com",
    onBehalfOf: null,
    action: "store.link-started",
    targetType: "site",
    targetId: "site-1",
    detail: { url: "https://shop.example", name: "Main shop" },
  },
];

describe("activity page", () => {
  it("lists support sessions and marks support actions in the audit log", async () => {
    bridgeBackend([], {
      role: "member",
      extra: { "GET /api/tenants/t-1/support-sessions": sessions, "GET /api/tenants/t-1/audit": events },
    });
    oidc.storedUser = fakeUser();
    renderApp("/t/t-1/activity");
    expect(await screen.findByRole("heading", { level: 1, name: "Activity" })).toBeInTheDocument();
    const nav = screen.getByRole("navigation", { name: "Company" });
    expect(within(nav).getByRole("link", { name: "Activity" })).toHaveAttribute("aria-current", "page");

    const list = await screen.findByRole("list", { name: "Support sessions" });
    const item = within(list).getAllByRole("listitem")[0];
    expect(item).toHaveTextContent("Counterlink support: sam@counterlink.example");
    expect(item).toHaveTextContent("Ticket 4711: prices don't sync");
    expect(item).toHaveTextContent("Ended");
    expect(item.querySelector('time[datetime="2025-04-01T09:20:00Z"]')).not.toBeNull();

    const table = await screen.findByRole("table", { name: "Activity log" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(3);
    // Support's request-by-request records collapse into one row, with the requests one click away.
    expect(rows[0]).toHaveTextContent(`Counterlink support: ${ONBEHALF}`);
    expect(rows[0]).toHaveTextContent("Opened the company as support (2 requests)");
    expect(rows[0]).toHaveTextContent("GET /api/tenants/t-1/stores");
    expect(rows[1]).toHaveTextContent(`Counterlink support: ${ONBEHALF}`);
    expect(rows[1]).toHaveTextContent("Started a sync");
    expect(rows[1]).toHaveTextContent("jobType: PRICING");
    expect(rows[2]).not.toHaveTextContent("Counterlink support");
    expect(rows[2]).toHaveTextContent("ada@example.com");
    expect(rows[2]).toHaveTextContent("Store: Main shop");

    await userEvent.selectOptions(screen.getByLabelText("Show"), "Only Counterlink support (3)");
    expect(within(table).getAllByRole("row")).toHaveLength(3);
  });

  it("lets an owner end a live session and shows its elevation for writes", async () => {
    const user = userEvent.setup();
    const running: SupportSession = {
      ...sessions[0],
      id: "s-2",
      startedAt: new Date(Date.now() - 60_000).toISOString(),
      expiresAt: new Date(Date.now() + 20 * 60_000).toISOString(),
      endedAt: null,
      elevatedReason: "Ticket 4712: retry order 1042",
      elevatedAt: new Date(Date.now() - 30_000).toISOString(),
      elevatedUntil: new Date(Date.now() + 10 * 60_000).toISOString(),
    };
    let list = [running, { ...sessions[0], endedBy: "user-1" }];
    const end = vi.fn(() => {
      list = [{ ...running, endedAt: new Date().toISOString(), endedBy: "user-1" }, list[1]];
      return new Response(JSON.stringify(list[0]), { status: 200, headers: { "Content-Type": "application/json" } });
    });
    bridgeBackend([], {
      extra: {
        "GET /api/tenants/t-1/support-sessions": () =>
          new Response(JSON.stringify(list), { status: 200, headers: { "Content-Type": "application/json" } }),
        "GET /api/tenants/t-1/audit": [],
        "POST /api/tenants/t-1/support-sessions/s-2/end": end,
      },
    });
    oidc.storedUser = fakeUser();
    renderApp("/t/t-1/activity");

    const sessionList = await screen.findByRole("list", { name: "Support sessions" });
    const [current, old] = within(sessionList).getAllByRole("listitem");
    expect(current).toHaveTextContent("Active now");
    expect(current).toHaveTextContent("Writes open until");
    expect(current).toHaveTextContent("Elevated for writes at");
    expect(current).toHaveTextContent("Ticket 4712: retry order 1042");
    expect(old).toHaveTextContent("Ended by your company");
    expect(within(old).queryByRole("button", { name: /End session/ })).not.toBeInTheDocument();

    await user.click(within(current).getByRole("button", { name: /End session/ }));
    expect(end).toHaveBeenCalledTimes(1);
    await vi.waitFor(() =>
      expect(within(screen.getByRole("list", { name: "Support sessions" })).getAllByRole("listitem")[0]).toHaveTextContent(
        "Ended by your company",
      ),
    );
  });

  it("shows empty states", async () => {
    bridgeBackend([], {
      extra: { "GET /api/tenants/t-1/support-sessions": [], "GET /api/tenants/t-1/audit": [] },
    });
    oidc.storedUser = fakeUser();
    renderApp("/t/t-1/activity");
    expect(await screen.findByText("No support sessions")).toBeInTheDocument();
    expect(await screen.findByText("No activity yet")).toBeInTheDocument();
  });
});
