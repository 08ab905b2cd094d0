import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeUser, oidc } from "../test/fakeUserManager";
import { mockFetch, problem, publicConfig } from "../test/mockFetch";
import { renderApp } from "../test/renderApp";

const acme = {
  id: "t-1",
  name: "Acme Outfitters",
  slug: "acme-outfitters",
  status: "ACTIVE",
  createdAt: "2025-01-15T10:00:00Z",
  role: "owner",
};

function backend(memberships = [{ tenantId: "t-1", tenantName: "Acme Outfitters", role: "owner" }]) {
  return mockFetch({
    "GET /api/public/config": publicConfig,
    "GET /api/me": { subject: "user-1", email: "ada@example.com", name: "Ada", roles: [], memberships },
    "GET /api/tenants/t-1": acme,
    "GET /api/tenants/t-2": { ...acme, id: "t-2", name: "Beta Bikes", slug: "beta-bikes", role: "member" },
    "GET /api/tenants/t-1/members": [
      { subject: "user-1", email: "ada@example.com", name: "Ada Lovelace", role: "owner", joinedAt: "2025-01-15T10:00:00Z" },
      { subject: "user-2", email: "bob@example.com", name: "", role: "member", joinedAt: "2025-02-01T10:00:00Z" },
    ],
    "GET /api/tenants/t-2/members": [],
    "GET /api/tenants/t-1/bridges": [],
    "GET /api/tenants/t-2/bridges": [],
    "GET /api/tenants/t-1/stores": [],
    "GET /api/tenants/t-2/stores": [],
    "GET /api/tenants/t-1/dashboard": {
      generatedAt: "2025-03-14T12:00:00Z",
      timeZone: "UTC",
      bridges: [],
      stores: [],
      days: [],
      orders: { needsAttention: 0, flagged: 0, waiting: 0, written: 0 },
      attention: [
        { kind: "NO_BRIDGE", severity: "CRITICAL", title: "No bridge is installed", detail: "", action: "Install the bridge.", siteId: null, jobType: null, runId: null, count: 0 },
      ],
    },
    "GET /api/tenants/gone": problem({ status: 404, title: "Not Found", detail: "No such tenant" }),
  });
}

describe("tenant overview", () => {
  it("shows the company, role, members and empty states", async () => {
    backend();
    oidc.storedUser = fakeUser();
    renderApp("/t/t-1");

    expect(await screen.findByRole("heading", { level: 1, name: "Acme Outfitters" })).toBeInTheDocument();
    expect(screen.getByText("Your role").nextElementSibling).toHaveTextContent("Owner");
    expect(screen.getByText("Created").nextElementSibling?.querySelector("time")).toHaveAttribute(
      "datetime",
      "2025-01-15T10:00:00Z",
    );
    expect(await screen.findByText("No bridge is installed")).toBeInTheDocument();
    expect(await screen.findByText("Not installed yet")).toBeInTheDocument();
    expect(await screen.findByText("No stores linked yet")).toBeInTheDocument();

    const members = await screen.findByRole("list", { name: "Members" });
    expect(within(members).getByText("Ada Lovelace")).toBeInTheDocument();
    expect(within(members).getByText("bob@example.com")).toBeInTheDocument();

    const banner = screen.getByRole("banner");
    expect(within(banner).getByText("ada@example.com")).toBeInTheDocument();
    expect(within(banner).getByText("Acme Outfitters")).toBeInTheDocument();
    expect(within(banner).queryByLabelText("Switch company")).not.toBeInTheDocument();
    expect(document.title).toBe("Acme Outfitters · Counterlink");
  });

  it("switches between companies when there are several", async () => {
    backend([
      { tenantId: "t-1", tenantName: "Acme Outfitters", role: "owner" },
      { tenantId: "t-2", tenantName: "Beta Bikes", role: "member" },
    ]);
    oidc.storedUser = fakeUser();
    renderApp("/t/t-1");
    await screen.findByRole("heading", { level: 1, name: "Acme Outfitters" });

    await userEvent.selectOptions(screen.getByLabelText("Switch company"), "Beta Bikes");
    expect(await screen.findByRole("heading", { level: 1, name: "Beta Bikes" })).toBeInTheDocument();
    expect(window.location.pathname).toBe("/t/t-2");
    expect(window.localStorage.getItem("counterlink.lastTenantId")).toBe("t-2");
    expect(await screen.findByText("No members yet")).toBeInTheDocument();
  });

  it("shows not found for a company the user cannot see", async () => {
    backend();
    oidc.storedUser = fakeUser();
    renderApp("/t/gone");
    expect(await screen.findByRole("heading", { name: "Company not found" })).toBeInTheDocument();
  });

  it("logs out through Keycloak", async () => {
    backend();
    oidc.storedUser = fakeUser();
    renderApp("/t/t-1");
    await screen.findByRole("heading", { level: 1, name: "Acme Outfitters" });
    await userEvent.click(screen.getByRole("button", { name: "Log out" }));
    expect(oidc.last.signoutRedirect).toHaveBeenCalledTimes(1);
  });
});
