import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { OrderDetail, OrderSummary } from "../api/types";
import { fakeUser, oidc } from "../test/fakeUserManager";
import { json, problem, type Handler } from "../test/mockFetch";
import { renderApp } from "../test/renderApp";
import { storeBackend } from "../stores/testData";

const T = "/api/tenants/t-1";

function summary(overrides: Partial<OrderSummary> = {}): OrderSummary {
  return {
    id: "o-1", siteId: "s-1", wooOrderId: 185, wooNumber: "185", wooStatus: "completed", state: "NEEDS_ATTENTION",
    reason: "Counterpoint has no item NOPE-1", flag: null, total: "25.00", customerEmail: "ada@example.org", custNo: null,
    cpDocId: null, cpTicketNo: null, cpReference: null, receivedAt: "2025-03-14T10:00:00Z", updatedAt: "2025-03-14T10:01:00Z", ...overrides,
  };
}

function detail(overrides: Partial<OrderSummary> = {}, transitions: OrderDetail["transitions"] = []): OrderDetail {
  return {
    order: summary(overrides), orderKey: "woo:s-1:185", documentType: "T", paymentMethod: "cod", currency: "USD",
    totalTax: "0", shippingTotal: "0", feeTotal: "0", discountTotal: "0",
    lines: [{ lineNo: 1, name: "Gift card", sku: "NOPE-1", itemNo: "NOPE-1", cell: "*|*|*", qty: "1", subtotal: "25", discount: "0", total: "25", tax: "0" }],
    transitions: [{ from: "READY", to: "NEEDS_ATTENTION", reason: "Counterpoint has no item NOPE-1", at: "2025-03-14T10:01:00Z" }, ...transitions],
    allocations: [{ itemNo: "NOPE-1", cell: "*|*|*", qty: "1", createdAt: "2025-03-14T10:00:00Z", releasedAt: null, releaseReason: null }],
  };
}

describe("order ledger", { timeout: 15000 }, () => {
  it("filters by the state in the address and searches", async () => {
    const fetch = storeBackend({
      extra: {
        [`GET ${T}/orders`]: ({ url }) =>
          json(url.searchParams.get("q") === "nobody" ? [] : url.searchParams.get("q") === "W2-186"
            ? [summary({ id: "o-2", wooNumber: "186", state: "WRITTEN", reason: null, cpTicketNo: "1042", cpReference: "W2-186" })]
            : [summary(), summary({ id: "o-2", wooNumber: "186", state: "WRITTEN", reason: null, cpTicketNo: "1042", cpReference: "W2-186" })]),
      },
    });
    oidc.storedUser = fakeUser();
    renderApp("/t/t-1/orders?state=NEEDS_ATTENTION");
    const table = await screen.findByRole("table", { name: "Orders" }, { timeout: 5000 });
    expect(screen.getByLabelText("State")).toHaveValue("NEEDS_ATTENTION");
    const calls = fetch.mock.calls.map((c) => String(c[0])).filter((u) => u.includes("/orders"));
    expect(calls[0]).toContain("state=NEEDS_ATTENTION");
    expect(within(table).getByRole("link", { name: "#185" })).toHaveAttribute("href", "/t/t-1/orders/o-1");
    expect(within(table).getByText("Counterpoint has no item NOPE-1")).toBeInTheDocument();
    expect(within(table).getByText("Ticket 1042")).toBeInTheDocument();

    expect(within(table).getByText("Reference W2-186")).toBeInTheDocument();

    // the Counterpoint reference (store prefix + number) finds the order
    expect(screen.getByLabelText("Search")).toHaveAttribute("placeholder", "Order number, Counterpoint reference or email");
    await userEvent.type(screen.getByLabelText("Search"), "W2-186");
    await userEvent.click(screen.getByRole("button", { name: "Search" }));
    await waitFor(() =>
      expect(within(screen.getByRole("table", { name: "Orders" })).queryByRole("link", { name: "#185" })).not.toBeInTheDocument(),
    );
    expect(within(screen.getByRole("table", { name: "Orders" })).getByRole("link", { name: "#186" })).toBeInTheDocument();
    expect(fetch.mock.calls.map((c) => String(c[0])).some((u) => u.includes("q=W2-186"))).toBe(true);

    await userEvent.clear(screen.getByLabelText("Search"));
    await userEvent.type(screen.getByLabelText("Search"), "nobody");
    await userEvent.click(screen.getByRole("button", { name: "Search" }));
    expect(await screen.findByText("No orders match")).toBeInTheDocument();
  });

  it("resolves an order that needs attention with a note, refusing an empty one", async () => {
    const resolved: unknown[] = [];
    storeBackend({
      extra: {
        [`GET ${T}/orders/o-1`]: detail(),
        [`POST ${T}/orders/o-1/resolve`]: ({ body }) => {
          resolved.push(body);
          return json(detail({ state: "RELEASED" }, [{ from: "NEEDS_ATTENTION", to: "RELEASED", reason: "resolved by ada: entered by hand", at: "2025-03-14T11:00:00Z" }]));
        },
      },
    });
    oidc.storedUser = fakeUser();
    renderApp("/t/t-1/orders/o-1");
    expect(await screen.findByRole("heading", { name: "This order needs attention" }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText("Why:").parentElement).toHaveTextContent("Why: Counterpoint has no item NOPE-1");

    await userEvent.click(screen.getByRole("button", { name: "Resolve with this note" }));
    expect(screen.getByLabelText("What was done in Counterpoint")).toHaveFocus();
    expect(screen.getByRole("alert")).toHaveTextContent("Say what was done in Counterpoint");
    expect(resolved).toEqual([]);

    await userEvent.type(screen.getByLabelText("What was done in Counterpoint"), "entered by hand");
    await userEvent.click(screen.getByRole("button", { name: "Resolve with this note" }));
    expect(await screen.findByText("Order #185 resolved.")).toBeInTheDocument();
    expect(resolved).toEqual([{ note: "entered by hand" }]);
    expect(screen.queryByRole("heading", { name: "This order needs attention" })).not.toBeInTheDocument();
    expect(within(screen.getByRole("list", { name: "State changes" })).getByText(/entered by hand/)).toBeInTheDocument();
  });

  it("retries, shows a refusal, and lets only owners resolve", async () => {
    storeBackend({
      role: "member",
      extra: {
        [`GET ${T}/orders/o-1`]: detail(),
        [`POST ${T}/orders/o-1/retry`]: problem({ status: 409, title: "Conflict", detail: "Only an order that needs attention can be retried" }),
      },
    });
    oidc.storedUser = fakeUser();
    renderApp("/t/t-1/orders/o-1");
    await userEvent.click(await screen.findByRole("button", { name: "Retry" }, { timeout: 5000 }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Only an order that needs attention can be retried");
    expect(screen.queryByLabelText("What was done in Counterpoint")).not.toBeInTheDocument();
    expect(screen.getByText("An owner of this company can resolve the order.")).toBeInTheDocument();
  });

  it("says so when the order does not exist", async () => {
    storeBackend();
    oidc.storedUser = fakeUser();
    renderApp("/t/t-1/orders/nope");
    expect(await screen.findByRole("heading", { name: "Order not found" }, { timeout: 5000 })).toBeInTheDocument();
  });
});

describe("customers and allocation", { timeout: 15000 }, () => {
  it("relinks a customer to another Counterpoint customer, with the API's field error", async () => {
    const identity = { id: "c-1", siteId: null, identityKey: "email:ada@example.org", email: "ada@example.org", wooCustomerId: 0,
      custNo: "OL-100001", linkedHow: "CREATED", linkedAt: "2025-03-14T10:00:00Z", linkedBy: null };
    let attempts = 0;
    storeBackend({
      extra: {
        [`GET ${T}/customers`]: [identity],
        [`GET ${T}/customers/c-1/matches`]: { identityId: "c-1", linkedCustNo: "OL-100001", matches: [],
          webCustomer: { email: "ada@example.org", firstName: null, lastName: null, phone: null, zip: null, address1: null } },
        [`PUT ${T}/customers/c-1`]: ({ body }) =>
          ++attempts === 1
            ? problem({ status: 400, title: "Invalid", detail: "invalid", errors: [{ field: "custNo", message: "no such customer" }] })
            : json({ ...identity, custNo: (body as { custNo: string }).custNo, linkedHow: "MANUAL", linkedBy: "ada@example.com" }),
      },
    });
    oidc.storedUser = fakeUser();
    renderApp("/t/t-1/orders/customers");
    const list = await screen.findByRole("list", { name: "Customers" }, { timeout: 5000 });
    expect(within(list).getByText("Counterpoint OL-100001")).toBeInTheDocument();
    await userEvent.click(within(list).getByRole("button", { name: "Relink ada@example.org" }));
    const field = screen.getByLabelText("Counterpoint customer number");
    await userEvent.clear(field);
    await userEvent.type(field, "bad number!");
    await userEvent.click(screen.getByRole("button", { name: "Save link" }));
    expect(screen.getByRole("alert")).toHaveTextContent("1 to 15 letters");
    await userEvent.clear(field);
    await userEvent.type(field, "C-42");
    await userEvent.click(screen.getByRole("button", { name: "Save link" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("no such customer");
    await userEvent.click(screen.getByRole("button", { name: "Save link" }));
    expect(await screen.findByText("Counterpoint C-42")).toBeInTheDocument();
    expect(screen.getByText(/Linked by a person by ada@example.com/)).toBeInTheDocument();
  });

  it("shows per item what web orders hold and what each store gets, and an owner switches allocation off", async () => {
    const store = (name: string, over: Record<string, unknown> = {}) => ({
      siteId: `s-${name}`, storeName: name, locations: ["MAIN"], counterpoint: "READ", counterpointAvailable: "10.0000",
      safetyBuffer: 1, webQuantity: 7, lastSentQty: 7, sells: true, ...over,
    });
    const put = vi.fn<Handler>(({ body }) => json(body));
    storeBackend({
      extra: {
        [`GET ${T}/allocations`]: [
          { itemNo: "AC-1", cell: "*|*|*", allocated: "2.0000", counted: true, openOrders: 2,
            stores: [store("Gift shop"), store("Tickets", { counterpoint: "BRIDGE_OFFLINE", counterpointAvailable: null, webQuantity: null, lastSentQty: null })] },
          { itemNo: "GR-1", cell: "RED|M|*", allocated: "1", counted: true, openOrders: 1, stores: [store("Gift shop", { sells: false })] },
        ],
        [`GET ${T}/allocations/settings`]: { enabled: true },
        [`PUT ${T}/allocations/settings`]: put,
      },
    });
    oidc.storedUser = fakeUser();
    renderApp("/t/t-1/orders/allocation");
    const table = await screen.findByRole("table", { name: "Allocation per item" }, { timeout: 5000 });
    const headers = within(table).getAllByRole("columnheader").map((h) => h.textContent);
    expect(headers).toEqual(["Item", "Grid cell", "Held by web orders", "Store", "Available in Counterpoint", "Safety buffer",
      "Web quantity now", "Last sent to WooCommerce"]);
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows[0]).toHaveTextContent("AC-1—2 (2 open orders)Gift shop1017");
    expect(rows[1]).toHaveTextContent("TicketsBridge offline1—Not sent yet");
    expect(rows[2]).toHaveTextContent("GR-1RED / M / *1 (1 open order)Gift shopNot sold in this store");

    const toggle = await screen.findByRole("checkbox", { name: "Hold stock for web orders (allocation)" });
    expect(toggle).toBeChecked();
    await userEvent.click(toggle);
    await vi.waitFor(() => expect(put).toHaveBeenCalled());
    expect(put.mock.calls[0][0].body).toEqual({ enabled: false });
    expect(await screen.findByText(/two stores can sell the same last unit/)).toBeInTheDocument();
  });
});
