import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Me, SupportSession } from "../api/types";
import { acme } from "../bridge/testData";
import { fakeUser, oidc } from "../test/fakeUserManager";
import { json, mockFetch, problem, publicConfig, type Handler } from "../test/mockFetch";
import { renderApp } from "../test/renderApp";

const beta = { id: "t-9", name: "Beta Bikes", slug: "beta-bikes", status: "ACTIVE", createdAt: "2025-03-01T10:00:00Z" };

const staff = (sessions: SupportSession[] = []): Me => ({
  subject: "staff-1",
  email: "sam@counterlink.example",
  name: "Sam",
  roles: ["vendor-support"],
  memberships: [],
  supportSessions: sessions,
});

function session(overrides: Partial<SupportSession> = {}): SupportSession {
  return {
    id: "s-1",
    tenantId: "t-9",
    staffSubject: "staff-1",
    staffEmail: "sam@counterlink.example",
    reason: "Ticket 4711: prices don't sync",
    startedAt: new Date().toISOString(),
    expiresAt: new Date(Date.now() + 60 * 60_000).toISOString(),
    endedAt: null,
    ...overrides,
  };
}

describe("support console", () => {
  it("searches companies and starts a session, showing the field error of a 400", async () => {
    const user = userEvent.setup();
    let me = staff();
    const search = vi.fn<Handler>(({ url }) => json(url.searchParams.get("q") === "bikes" ? [beta] : []));
    const start = vi.fn<Handler>(({ body }) => {
      const { reason } = body as { reason: string };
      if (!reason.includes("Ticket")) {
        return problem({
          status: 400,
          title: "Bad Request",
          detail: "Validation failed",
          errors: [{ field: "reason", message: "Name the ticket the customer opened" }],
        });
      }
      me = staff([session({ reason })]);
      return json(session({ reason }), 201);
    });
    mockFetch({
      "GET /api/public/config": publicConfig,
      "GET /api/me": () => json(me),
      "GET /api/support/tenants": search,
      "POST /api/support/tenants/t-9/sessions": start,
      "GET /api/tenants/t-9": { ...beta, role: "owner" },
      "GET /api/tenants/t-9/members": [],
      "GET /api/tenants/t-9/bridges": [],
      "GET /api/tenants/t-9/stores": [],
    });
    oidc.storedUser = fakeUser();
    renderApp("/support");

    expect(await screen.findByRole("heading", { level: 1, name: "Support console" })).toBeInTheDocument();
    expect(screen.getByText("Search for a company")).toBeInTheDocument();
    await user.type(screen.getByLabelText("Company name"), "nothing");
    await user.click(screen.getByRole("button", { name: "Search" }));
    // No reason, no search: every search is recorded with who searched and why.
    expect(await screen.findByText(/Say why you search/)).toBeInTheDocument();
    expect(screen.getByLabelText("Reason for searching")).toHaveFocus();
    expect(search).not.toHaveBeenCalled();
    await user.click(screen.getByLabelText("Reason for searching"));
    await user.paste("Ticket 4711: find the shop");
    await user.click(screen.getByRole("button", { name: "Search" }));
    expect(await screen.findByText("No company name contains “nothing”")).toBeInTheDocument();
    expect(search.mock.calls[0][0].url.searchParams.get("reason")).toBe("Ticket 4711: find the shop");

    await user.clear(screen.getByLabelText("Company name"));
    await user.type(screen.getByLabelText("Company name"), "bikes{Enter}");
    const results = await screen.findByRole("list", { name: "Companies" });
    expect(search.mock.lastCall?.[0].url.searchParams.get("q")).toBe("bikes");
    expect(window.location.search).toBe("?q=bikes");

    const act = within(results).getByRole("button", { name: /Act as this company/ });
    await user.click(act);
    expect(act).toHaveAttribute("aria-expanded", "true");
    const form = screen.getByRole("form", { name: "Act as Beta Bikes" });
    const reason = within(form).getByLabelText("Reason");
    expect(reason).toHaveFocus();

    // Too short: stopped in the browser.
    await user.type(reason, "help");
    await user.click(within(form).getByRole("button", { name: "Start support session" }));
    expect(await within(form).findByText(/at least 10 characters/)).toBeInTheDocument();
    expect(start).not.toHaveBeenCalled();

    // The server's rule: shown under the field.
    await user.clear(reason);
    await user.type(reason, "Customer asked for help");
    await user.selectOptions(within(form).getByLabelText("Duration"), "1 hour");
    await user.click(within(form).getByRole("button", { name: "Start support session" }));
    expect(await within(form).findByText("Name the ticket the customer opened")).toBeInTheDocument();
    expect(start).toHaveBeenLastCalledWith(expect.objectContaining({ body: { reason: "Customer asked for help", minutes: 60 } }));
    expect(reason).toHaveAccessibleDescription(expect.stringContaining("Name the ticket the customer opened"));
    expect(reason).toHaveAttribute("aria-invalid", "true");

    await user.clear(reason);
    await user.type(reason, "Ticket 4711: prices don't sync");
    await user.click(within(form).getByRole("button", { name: "Start support session" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Beta Bikes" })).toBeInTheDocument();
    expect(window.location.pathname).toBe("/t/t-9");
    const banner = await screen.findByTestId("support-banner");
    expect(banner).toHaveAttribute("role", "status");
    expect(banner).toHaveTextContent(/Support session:\s*acting as Beta Bikes/);
    expect(banner).toHaveTextContent("Ticket 4711: prices don't sync");
    expect(banner).toHaveAttribute("data-acting-here", "true");
  }, 15_000); // a long walk of typing: slow on a busy machine

  it("tells a retailer the console is not available", async () => {
    mockFetch({
      "GET /api/public/config": publicConfig,
      "GET /api/me": { subject: "user-1", email: "ada@example.com", roles: [], memberships: [{ tenantId: "t-1", tenantName: "Acme Outfitters", role: "owner" }] },
      "GET /api/support/tenants": problem({ status: 403, title: "Forbidden" }),
    });
    oidc.storedUser = fakeUser();
    renderApp("/support");
    expect(await screen.findByRole("heading", { name: "Support console not available" })).toBeInTheDocument();
    expect(screen.queryByLabelText("Company name")).not.toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Support console" })).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Go to my company" })).toHaveAttribute("href", "/");
  });

  it("shows the not-available page when the API refuses (role removed since sign-in)", async () => {
    const user = userEvent.setup();
    mockFetch({
      "GET /api/public/config": publicConfig,
      "GET /api/me": staff(),
      "GET /api/support/tenants": problem({ status: 403, title: "Forbidden" }),
    });
    oidc.storedUser = fakeUser();
    renderApp("/support");
    await user.click(await screen.findByLabelText("Reason for searching"));
    await user.paste("Ticket 4711: find the shop");
    await user.type(screen.getByLabelText("Company name"), "acme{Enter}");
    expect(await screen.findByRole("heading", { name: "Support console not available" })).toBeInTheDocument();
  });

  it("offers the console in the top bar to staff only", async () => {
    mockFetch({
      "GET /api/public/config": publicConfig,
      "GET /api/me": { ...staff(), memberships: [{ tenantId: "t-1", tenantName: "Acme Outfitters", role: "owner" }] },
      "GET /api/tenants/t-1": acme,
      "GET /api/tenants/t-1/members": [],
      "GET /api/tenants/t-1/bridges": [],
      "GET /api/tenants/t-1/stores": [],
    });
    oidc.storedUser = fakeUser();
    renderApp("/t/t-1");
    await screen.findByRole("heading", { level: 1, name: "Acme Outfitters" });
    expect(within(screen.getByRole("banner")).getByRole("link", { name: "Support console" })).toHaveAttribute("href", "/support");
    expect(screen.queryByTestId("support-banner")).not.toBeInTheDocument();
  });
});
