import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeUser, oidc } from "../test/fakeUserManager";
import { json, problem, type Handler } from "../test/mockFetch";
import { renderApp } from "../test/renderApp";
import { dashboard } from "../dashboard/testData";
import { browser } from "../utils/browser";
import { store, storeBackend } from "./testData";

async function openStores(path = "/t/t-1/stores") {
  oidc.storedUser = fakeUser();
  renderApp(path);
  await screen.findByRole("heading", { level: 1, name: "Stores" }, { timeout: 5000 });
}

describe("stores page", () => {
  it("lists the stores without removed ones, with status and a link to each", async () => {
    storeBackend({
      extra: {
        "GET /api/tenants/t-1/stores": [
          store(),
          store({ id: "s-2", name: "Outlet", url: "https://outlet.example.com", status: "PENDING", hasCredentials: false, linkedAt: null }),
          store({ id: "s-3", name: "Old shop", status: "REMOVED" }),
        ],
      },
    });
    await openStores();
    const list = await screen.findByRole("list", { name: "Stores" });
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent("Main web shop");
    expect(items[0]).toHaveTextContent("Active");
    expect(items[1]).toHaveTextContent("Waiting for approval");
    expect(within(items[0]).getByRole("link", { name: "Main web shop" })).toHaveAttribute("href", "/t/t-1/stores/s-1");
    await userEvent.click(screen.getByRole("checkbox", { name: "Show removed stores (1)" }));
    expect(within(list).getAllByRole("listitem")).toHaveLength(3);
    const nav = screen.getByRole("navigation", { name: "Company" });
    expect(within(nav).getByRole("link", { name: "Stores" })).toHaveAttribute("aria-current", "page");
    expect(document.title).toBe("Stores – Acme Outfitters · Counterlink");
  });

  it("links a store: posts URL and name, then goes to WooCommerce's approval page", async () => {
    const user = userEvent.setup();
    const assign = vi.spyOn(browser, "assign").mockImplementation(() => undefined);
    const authorizeUrl =
      "https://shop.example.com/wc-auth/v1/authorize?app_name=Counterlink&scope=read_write&user_id=abc";
    const link = vi.fn<Handler>(({ body }) => {
      expect(body).toEqual({ url: "https://shop.example.com", name: "Main web shop" });
      return json({ store: store({ status: "PENDING", hasCredentials: false }), authorizeUrl }, 201);
    });
    storeBackend({ extra: { "GET /api/tenants/t-1/stores": [], "POST /api/tenants/t-1/stores": link } });
    await openStores();
    expect(await screen.findByText("No stores linked yet")).toBeInTheDocument();

    // Client-side checks first.
    await user.click(screen.getByRole("button", { name: "Link store" }));
    expect(screen.getByLabelText("Store URL")).toHaveAccessibleDescription(/Enter the address of your store/);
    expect(screen.getByLabelText("Store URL")).toHaveFocus();
    expect(link).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText("Store URL"), "shop.example.com");
    await user.type(screen.getByLabelText("Store name"), "Main web shop");
    await user.click(screen.getByRole("button", { name: "Link store" }));
    await vi.waitFor(() => expect(assign).toHaveBeenCalledWith(authorizeUrl));
    expect(link).toHaveBeenCalledTimes(1);
  });

  it("shows the server's field error for the URL", async () => {
    const user = userEvent.setup();
    const assign = vi.spyOn(browser, "assign").mockImplementation(() => undefined);
    storeBackend({
      extra: {
        "POST /api/tenants/t-1/stores": problem({
          status: 400,
          title: "Bad Request",
          detail: "Validation failed",
          errors: [{ field: "url", message: "must be a full address such as https://shop.example.com" }],
        }),
      },
    });
    await openStores();
    await user.type(screen.getByLabelText("Store URL"), "http://localhost");
    await user.type(screen.getByLabelText("Store name"), "Local");
    await user.click(screen.getByRole("button", { name: "Link store" }));
    expect(await screen.findByText("must be a full address such as https://shop.example.com")).toBeInTheDocument();
    expect(screen.getByLabelText("Store URL")).toHaveAttribute("aria-invalid", "true");
    expect(assign).not.toHaveBeenCalled();
  });

  it("tells members that an owner links stores", async () => {
    storeBackend({ role: "member" });
    await openStores();
    await screen.findByRole("list", { name: "Stores" });
    expect(screen.getByTestId("owner-only-note")).toHaveTextContent("Only an owner");
    expect(screen.queryByRole("button", { name: "Link store" })).not.toBeInTheDocument();
  });

  it("shows each store on the overview's dashboard", async () => {
    const main = dashboard().stores[0];
    storeBackend({
      extra: { "GET /api/tenants/t-1/dashboard": dashboard({ stores: [main, { ...main, id: "s-2", name: "Outlet", status: "DISCONNECTED" }] }) },
    });
    oidc.storedUser = fakeUser();
    renderApp("/t/t-1");
    const outlet = await screen.findByRole("region", { name: "Outlet" }, { timeout: 5000 });
    expect(outlet).toHaveTextContent("Disconnected");
    expect(within(outlet).getByRole("link", { name: "Outlet" })).toHaveAttribute("href", "/t/t-1/stores/s-2");
    expect(screen.getByRole("region", { name: "Main web shop" })).toHaveTextContent("Active");
  });
});
