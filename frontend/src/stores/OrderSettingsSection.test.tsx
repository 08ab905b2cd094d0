import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { CounterpointSetup, OrderSettings } from "../api/types";
import { fakeUser, oidc } from "../test/fakeUserManager";
import { json, problem, type Handler } from "../test/mockFetch";
import { renderApp } from "../test/renderApp";
import { STORE_BASE, storeBackend } from "./testData";

/** What GET …/order-settings answers before anything was saved (the server's defaults). */
const defaults = (overrides: Partial<OrderSettings> = {}): OrderSettings => ({
  sendStatus: "completed",
  documentType: "T",
  storeId: "WEB",
  stationId: "WEB-01",
  drawerId: "WEB",
  defaultPayCode: "WEB",
  payCodes: {},
  taxCode: "WEB",
  lookbackMinutes: 10,
  shippingMiscCharge: null,
  feeMiscCharge: 2,
  referencePrefix: "W1-",
  ...overrides,
});

const setup = (): CounterpointSetup => ({
  stores: [
    { storeId: "MAIN", description: "Main street", stockLocationId: "MAIN" },
    { storeId: "OUTLET", description: "Outlet", stockLocationId: "OUT" },
  ],
  stations: [
    { storeId: "MAIN", stationId: "1", description: "Front counter" },
    { storeId: "OUTLET", stationId: "OUT1", description: "Outlet till" },
  ],
  drawers: [
    { storeId: "MAIN", drawerId: "1" },
    { storeId: "OUTLET", drawerId: "OD" },
  ],
  locations: [{ code: "MAIN", description: "Main street store" }],
  payCodes: [
    { code: "CASH", description: "Cash" },
    { code: "CARD", description: "Credit card" },
  ],
  taxCodes: [{ code: "TX", description: "State tax" }],
});

async function openForm(extra: Record<string, Handler | Response | object>, role = "owner") {
  storeBackend({ role, extra: { "GET /api/tenants/t-1/counterpoint/setup": setup(), ...extra } });
  oidc.storedUser = fakeUser();
  renderApp(`/t/t-1/stores/s-1`);
  await screen.findByRole("heading", { level: 1, name: "Main web shop" }, { timeout: 5000 });
  return screen.findByRole("form", { name: "Order settings" });
}

describe("order settings", () => {
  it("offers Counterpoint's stores, stations, drawers and codes and refuses codes Counterpoint doesn't have", async () => {
    const user = userEvent.setup();
    const put = vi.fn<Handler>(({ body }) => json(body));
    const form = await openForm({ [`GET ${STORE_BASE}/order-settings`]: defaults(), [`PUT ${STORE_BASE}/order-settings`]: put });
    const storeSelect = await within(form).findByRole("combobox", { name: "Counterpoint store" });
    expect(within(storeSelect).getByRole("option", { name: "MAIN — Main street" })).toBeInTheDocument();
    expect(within(storeSelect).getByRole("option", { name: "WEB (not in Counterpoint)" })).toBeInTheDocument();
    expect(within(form).getByRole("combobox", { name: "Default pay code" })).toHaveAccessibleDescription(
      "For every payment method not listed below.",
    );

    await user.click(within(form).getByRole("button", { name: "Save order settings" }));
    expect(await within(form).findByText("Fix the fields marked below, then save again.")).toBeInTheDocument();
    expect(storeSelect).toHaveAttribute("aria-invalid", "true");
    expect(storeSelect).toHaveAccessibleDescription("Counterpoint has no store “WEB”: choose one from the list.");
    expect(within(form).getByRole("combobox", { name: "Tax code" })).toHaveAccessibleDescription(
      expect.stringContaining("Counterpoint has no tax code “WEB”"),
    );
    expect(put).not.toHaveBeenCalled();
  });

  it("choosing a store picks its station and drawer; saves the whole body with a pay code per payment method", async () => {
    const user = userEvent.setup();
    const put = vi.fn<Handler>(({ body }) => json(body));
    const form = await openForm({ [`GET ${STORE_BASE}/order-settings`]: defaults(), [`PUT ${STORE_BASE}/order-settings`]: put });
    await user.selectOptions(await within(form).findByRole("combobox", { name: "Counterpoint store" }), "OUTLET");
    expect(within(form).getByRole("combobox", { name: "Station" })).toHaveValue("OUT1");
    expect(within(form).getByRole("combobox", { name: "Drawer" })).toHaveValue("OD");
    expect(within(within(form).getByRole("combobox", { name: "Station" })).queryByRole("option", { name: /Front counter/ })).toBeNull();
    await user.selectOptions(within(form).getByRole("combobox", { name: "Tax code" }), "TX");
    await user.selectOptions(within(form).getByRole("combobox", { name: "Default pay code" }), "CASH");
    await user.click(within(form).getByRole("radio", { name: "Open order (to fulfil in Counterpoint)" }));
    expect(within(form).getByRole("combobox", { name: "Send orders when their WooCommerce status is" })).toHaveValue("processing");

    await user.click(within(form).getByRole("button", { name: "Add a payment method" }));
    await user.type(within(form).getByRole("combobox", { name: "WooCommerce payment method 1" }), "stripe");
    await user.selectOptions(within(form).getByRole("combobox", { name: "Pay code for stripe" }), "CARD");
    await user.click(within(form).getByRole("button", { name: "Save order settings" }));

    await vi.waitFor(() => expect(put).toHaveBeenCalledTimes(1));
    expect(put.mock.calls[0][0].body).toEqual({
      sendStatus: "processing",
      documentType: "O",
      storeId: "OUTLET",
      stationId: "OUT1",
      drawerId: "OD",
      defaultPayCode: "CASH",
      taxCode: "TX",
      payCodes: { stripe: "CARD" },
      lookbackMinutes: 10,
      shippingMiscCharge: null,
      feeMiscCharge: 2,
      referencePrefix: "W1-",
    });
    expect(await screen.findByText("Order settings saved.")).toBeInTheDocument();
  });

  it("shows the store's order reference prefix with an example, checks it, and shows the server's refusal of a taken one", async () => {
    const user = userEvent.setup();
    const put = vi.fn<Handler>(({ body }) =>
      (body as OrderSettings).referencePrefix === "W2-"
        ? problem({ status: 400, title: "Validation failed", code: "VALIDATION_FAILED",
            detail: "referencePrefix W2- is the prefix of store “Outlet web shop”: each store needs its own" })
        : json(body),
    );
    const saved = defaults({ storeId: "MAIN", stationId: "1", drawerId: "1", defaultPayCode: "CASH", taxCode: "TX" });
    const form = await openForm({ [`GET ${STORE_BASE}/order-settings`]: saved, [`PUT ${STORE_BASE}/order-settings`]: put });
    const prefix = await within(form).findByRole("textbox", { name: "Order reference prefix" });
    expect(prefix).toHaveValue("W1-");
    expect(within(form).getByTestId("reference-example")).toHaveTextContent("W1-213");

    await user.clear(prefix);
    await user.type(prefix, "W#1-");
    await user.click(within(form).getByRole("button", { name: "Save order settings" }));
    expect(prefix).toHaveAccessibleDescription(expect.stringContaining("A prefix is 1 to 6 letters, digits, -, _, / or ."));
    expect(put).not.toHaveBeenCalled();

    await user.clear(prefix);
    await user.type(prefix, "W2-");
    await user.click(within(form).getByRole("button", { name: "Save order settings" }));
    await vi.waitFor(() => expect(put).toHaveBeenCalledTimes(1));
    expect(await within(form).findByText(/is the prefix of store “Outlet web shop”/)).toBeInTheDocument();
    expect(prefix).toHaveAttribute("aria-invalid", "true");

    await user.clear(prefix);
    await user.type(prefix, "MS-");
    await user.click(within(form).getByRole("button", { name: "Save order settings" }));
    await vi.waitFor(() => expect(put).toHaveBeenCalledTimes(2));
    expect(put.mock.calls[1][0].body).toMatchObject({ referencePrefix: "MS-" });
    expect(await screen.findByText("Order settings saved.")).toBeInTheDocument();
  });

  it("a payment method row without an id or listed twice gets a message", async () => {
    const user = userEvent.setup();
    const put = vi.fn<Handler>(({ body }) => json(body));
    const saved = defaults({ storeId: "MAIN", stationId: "1", drawerId: "1", defaultPayCode: "CASH", taxCode: "TX", payCodes: { cod: "CASH" } });
    const form = await openForm({ [`GET ${STORE_BASE}/order-settings`]: saved, [`PUT ${STORE_BASE}/order-settings`]: put });
    expect(await within(form).findByRole("combobox", { name: "WooCommerce payment method 1" })).toHaveValue("cod");
    await user.click(within(form).getByRole("button", { name: "Add a payment method" }));
    await user.click(within(form).getByRole("button", { name: "Save order settings" }));
    expect(within(form).getByRole("combobox", { name: "WooCommerce payment method 2" })).toHaveAccessibleDescription(
      "Enter the payment method's id, or remove the row.",
    );
    await user.type(within(form).getByRole("combobox", { name: "WooCommerce payment method 2" }), "cod");
    await user.click(within(form).getByRole("button", { name: "Save order settings" }));
    expect(within(form).getByRole("combobox", { name: "WooCommerce payment method 2" })).toHaveAccessibleDescription("“cod” is listed twice.");
    await user.click(within(form).getAllByRole("button", { name: "Remove cod" })[1]);
    await user.click(within(form).getByRole("button", { name: "Save order settings" }));
    await vi.waitFor(() => expect(put).toHaveBeenCalledTimes(1));
    expect(put.mock.calls[0][0].body).toMatchObject({ payCodes: { cod: "CASH" } });
  });

  it("bridge offline: says so and what to do, and takes typed codes; the server's message lands on its field", async () => {
    const user = userEvent.setup();
    const put = vi.fn<Handler>(() =>
      problem({ status: 400, title: "Bad Request", code: "VALIDATION_FAILED", detail: "drawerId must be a Counterpoint code of 1 to 10 letters, digits, - or _" }),
    );
    const form = await openForm({
      [`GET ${STORE_BASE}/order-settings`]: defaults(),
      [`PUT ${STORE_BASE}/order-settings`]: put,
      "GET /api/tenants/t-1/counterpoint/setup": problem({
        status: 503,
        title: "Service Unavailable",
        code: "BRIDGE_OFFLINE",
        detail: "The bridge has not been in touch for a minute: check that it runs on the Counterpoint server (Bridge page), then try again",
      }),
    });
    const notice = await within(form).findByTestId("order-setup-unavailable");
    expect(notice).toHaveTextContent("The bridge is offline, so Counterpoint's codes can't be listed");
    expect(notice).toHaveTextContent("type the codes below");
    const store = within(form).getByRole("textbox", { name: "Counterpoint store" });
    await user.clear(store);
    await user.type(store, "MAIN");
    await user.click(within(form).getByRole("button", { name: "Save order settings" }));
    await vi.waitFor(() => expect(put).toHaveBeenCalledTimes(1));
    expect(put.mock.calls[0][0].body).toMatchObject({ storeId: "MAIN", stationId: "WEB-01" });
    expect(await within(form).findByText(/drawerId must be a Counterpoint code/)).toBeInTheDocument();
    // the misc charges don't come from Counterpoint, so they stay selects
    expect(within(form).getByRole("combobox", { name: "Misc charge for shipping" })).toHaveValue("");
    expect(within(form).getByRole("textbox", { name: "Drawer" })).toHaveAttribute("aria-invalid", "true");
  });

  it("shows the saved shipping and fee misc charges and saves what is chosen", async () => {
    const user = userEvent.setup();
    const put = vi.fn<Handler>(({ body }) => json(body));
    const saved = defaults({
      storeId: "MAIN", stationId: "1", drawerId: "1", defaultPayCode: "CASH", taxCode: "TX",
      shippingMiscCharge: 3, feeMiscCharge: 4,
    });
    const form = await openForm({ [`GET ${STORE_BASE}/order-settings`]: saved, [`PUT ${STORE_BASE}/order-settings`]: put });
    const shipping = await within(form).findByRole("combobox", { name: "Misc charge for shipping" });
    const fees = within(form).getByRole("combobox", { name: "Misc charge for fees" });
    expect(shipping).toHaveValue("3");
    expect(within(shipping).getAllByRole("option").map((o) => o.textContent)).toEqual([
      "Counterpoint's e-commerce misc charge (EC_CTL)", "Misc charge 1", "Misc charge 2", "Misc charge 3", "Misc charge 4", "Misc charge 5",
    ]);
    expect(shipping).toHaveAccessibleDescription(expect.stringContaining("EC_CTL.ORD_MISC_CHRG_NO"));
    // taxability is not a setting: it comes from what WooCommerce charged
    expect(within(form).queryByRole("checkbox", { name: /taxable/i })).toBeNull();
    expect(within(form).getByTestId("charge-tax-note")).toHaveTextContent("exactly when WooCommerce charged tax on them");
    expect(fees).toHaveValue("4");
    expect(within(fees).queryByRole("option", { name: /EC_CTL/ })).toBeNull();
    expect(within(form).queryByTestId("shipping-note")).toBeNull();

    await user.selectOptions(shipping, "Counterpoint's e-commerce misc charge (EC_CTL)");
    expect(fees).toHaveAccessibleDescription(expect.stringContaining("different misc charge than Counterpoint's e-commerce one"));
    await user.selectOptions(fees, "Misc charge 5");
    await user.click(within(form).getByRole("button", { name: "Save order settings" }));
    await vi.waitFor(() => expect(put).toHaveBeenCalledTimes(1));
    expect(put.mock.calls[0][0].body).toMatchObject({ shippingMiscCharge: null, feeMiscCharge: 5 });
    expect(put.mock.calls[0][0].body).not.toHaveProperty("shippingTaxable");

    expect(await screen.findByText("Order settings saved.")).toBeInTheDocument();
    // the form is drawn again from what the server answered
    const after = screen.getByRole("form", { name: "Order settings" });
    const shippingAfter = await within(after).findByRole("combobox", { name: "Misc charge for shipping" });
    expect(shippingAfter).toHaveValue("");
    expect(within(after).getByRole("combobox", { name: "Misc charge for fees" })).toHaveValue("5");

    await user.selectOptions(shippingAfter, "Misc charge 1");
    await user.click(within(after).getByRole("button", { name: "Save order settings" }));
    await vi.waitFor(() => expect(put).toHaveBeenCalledTimes(2));
    expect(put.mock.calls[1][0].body).toMatchObject({ shippingMiscCharge: 1, feeMiscCharge: 5 });
  });

  it("shipping and fees on the same misc charge: the fee select says so and nothing is sent; the server's refusal lands there too", async () => {
    const user = userEvent.setup();
    const put = vi.fn<Handler>(() =>
      problem({ status: 400, title: "Bad Request", code: "VALIDATION_FAILED", detail: "shippingMiscCharge and feeMiscCharge must be different misc charges" }),
    );
    const saved = defaults({ storeId: "MAIN", stationId: "1", drawerId: "1", defaultPayCode: "CASH", taxCode: "TX" });
    const form = await openForm({ [`GET ${STORE_BASE}/order-settings`]: saved, [`PUT ${STORE_BASE}/order-settings`]: put });
    const shipping = await within(form).findByRole("combobox", { name: "Misc charge for shipping" });
    const fees = within(form).getByRole("combobox", { name: "Misc charge for fees" });
    expect(shipping).toHaveValue("");
    expect(fees).toHaveValue("2");
    await user.selectOptions(shipping, "Misc charge 2");
    await user.click(within(form).getByRole("button", { name: "Save order settings" }));
    expect(await within(form).findByText("Fix the fields marked below, then save again.")).toBeInTheDocument();
    expect(fees).toHaveAttribute("aria-invalid", "true");
    expect(fees).toHaveAccessibleDescription(expect.stringMatching(/^Shipping already uses misc charge 2: choose a different misc charge for fees\./));
    expect(shipping).not.toHaveAttribute("aria-invalid");
    expect(put).not.toHaveBeenCalled();

    // a server that still refuses (e.g. the settings changed elsewhere) is shown on the same select
    await user.selectOptions(fees, "Misc charge 3");
    await user.click(within(form).getByRole("button", { name: "Save order settings" }));
    await vi.waitFor(() => expect(put).toHaveBeenCalledTimes(1));
    expect(put.mock.calls[0][0].body).toMatchObject({ shippingMiscCharge: 2, feeMiscCharge: 3 });
    await vi.waitFor(() => expect(fees).toHaveAttribute("aria-invalid", "true"));
    expect(fees).toHaveAccessibleDescription(expect.stringContaining("shippingMiscCharge and feeMiscCharge must be different misc charges"));
  });

  it("members see the settings but can't change them", async () => {
    const form = await openForm({ [`GET ${STORE_BASE}/order-settings`]: defaults() }, "member");
    expect(await within(form).findByTestId("owner-only-note")).toHaveTextContent("Only an owner");
    expect(within(form).queryByRole("button", { name: "Save order settings" })).toBeNull();
    expect(await within(form).findByRole("combobox", { name: "Counterpoint store" })).toBeDisabled();
    expect(within(form).getByRole("combobox", { name: "Misc charge for shipping" })).toBeDisabled();
    expect(within(form).getByRole("combobox", { name: "Misc charge for fees" })).toBeDisabled();
  });
});
