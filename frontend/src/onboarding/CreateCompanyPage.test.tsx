import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeUser, oidc } from "../test/fakeUserManager";
import { json, mockFetch, problem, publicConfig, type Handler } from "../test/mockFetch";
import { renderApp } from "../test/renderApp";

function backend(createTenant: Handler) {
  return mockFetch({
    "GET /api/public/config": publicConfig,
    "GET /api/me": { subject: "user-1", email: "ada@example.com", roles: [], memberships: [] },
    "POST /api/tenants": createTenant,
    "GET /api/tenants/new-id": {
      id: "new-id",
      name: "Acme Outfitters",
      slug: "acme-outfitters",
      status: "ACTIVE",
      createdAt: "2025-03-01T12:00:00Z",
      role: "owner",
    },
    "GET /api/tenants/new-id/bridges": [],
    "GET /api/tenants/new-id/onboarding": { step: "BRIDGE", siteId: null, bridge: "NONE", stores: [] },
    "GET /api/tenants/new-id/members": [
      { subject: "user-1", email: "ada@example.com", name: "Ada Lovelace", role: "owner", joinedAt: "2025-03-01T12:00:00Z" },
    ],
  });
}

async function openForm() {
  oidc.storedUser = fakeUser();
  renderApp("/onboarding/company");
  await screen.findByRole("heading", { name: "Create your company" });
  return screen.getByLabelText("Company name");
}

describe("Create your company", () => {
  it("shows the field error from a problem+json 400", async () => {
    backend(() =>
      problem({
        type: "about:blank",
        title: "Bad Request",
        status: 400,
        detail: "Invalid request",
        errors: [{ field: "name", message: "Company name contains invalid characters" }],
      }),
    );
    const input = await openForm();
    await userEvent.type(input, "<<Acme>>");
    await userEvent.click(screen.getByRole("button", { name: "Create company" }));

    expect(await screen.findByText("Company name contains invalid characters")).toBeInTheDocument();
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveAccessibleDescription(expect.stringContaining("Company name contains invalid characters"));
    expect(window.location.pathname).toBe("/onboarding/company");

    // Editing clears the error.
    await userEvent.type(input, "x");
    expect(screen.queryByText("Company name contains invalid characters")).not.toBeInTheDocument();
  });

  it("shows a 409 (slug taken) detail on the name field", async () => {
    backend(() => problem({ title: "Conflict", status: 409, detail: "A company with the address acme-outfitters already exists." }));
    const input = await openForm();
    await userEvent.type(input, "Acme Outfitters");
    await userEvent.click(screen.getByRole("button", { name: "Create company" }));
    expect(await screen.findByText("A company with the address acme-outfitters already exists.")).toBeInTheDocument();
    expect(input).toHaveAttribute("aria-invalid", "true");
  });

  it("validates a blank name without calling the API", async () => {
    const create = vi.fn<Handler>(() => json({}, 201));
    backend(create);
    await openForm();
    await userEvent.click(screen.getByRole("button", { name: "Create company" }));
    expect(await screen.findByText("Enter your company name.")).toBeInTheDocument();
    expect(create).not.toHaveBeenCalled();
  });

  it("creates the company and opens the setup wizard at installing the bridge", async () => {
    const create = vi.fn<Handler>(({ body, headers }) => {
      expect(body).toEqual({ name: "Acme Outfitters" });
      expect(headers.get("Authorization")).toBe("Bearer test-access-token");
      return json(
        { id: "new-id", name: "Acme Outfitters", slug: "acme-outfitters", status: "ACTIVE", createdAt: "2025-03-01T12:00:00Z" },
        201,
      );
    });
    backend(create);
    const input = await openForm();
    await userEvent.type(input, "  Acme Outfitters ");
    await userEvent.keyboard("{Enter}");

    expect(await screen.findByRole("heading", { level: 1, name: "Install the bridge" })).toBeInTheDocument();
    expect(window.location.pathname).toBe("/t/new-id/setup/bridge");
    expect(create).toHaveBeenCalledTimes(1);
    expect(window.localStorage.getItem("counterlink.lastTenantId")).toBe("new-id");
    expect(screen.getByRole("link", { name: /Install the bridge/ })).toHaveAttribute("aria-current", "step");
  });

  it("shows a readable form error when the server is unreachable", async () => {
    backend(() => Promise.reject(new TypeError("Failed to fetch")));
    const input = await openForm();
    await userEvent.type(input, "Acme");
    await userEvent.click(screen.getByRole("button", { name: "Create company" }));
    expect(await screen.findByText(/could not be reached/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Create company" })).toBeEnabled();
  });
});
