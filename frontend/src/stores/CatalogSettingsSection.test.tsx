import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { SyncRun } from "../api/types";
import { fakeUser, oidc } from "../test/fakeUserManager";
import { json, problem, type Handler } from "../test/mockFetch";
import { renderApp } from "../test/renderApp";
import { STORE_BASE, catalogSettings, run, storeBackend } from "./testData";

async function openStore() {
  oidc.storedUser = fakeUser();
  renderApp(`/t/t-1/stores/s-1`);
  await screen.findByRole("heading", { level: 1, name: "Main web shop" }, { timeout: 5000 });
  return screen.findByRole("form", { name: "Catalog settings" });
}

const section = () => screen.getByRole("heading", { level: 2, name: "Catalog settings" }).closest("section")!;

describe("catalog settings", () => {
  it("explains the order and loads Counterpoint's locations into checkboxes", async () => {
    storeBackend({ extra: { [`GET ${STORE_BASE}/sync-settings`]: catalogSettings({ locations: ["WH1"] }) } });
    const form = await openStore();
    expect(section()).toHaveTextContent("Before the first sync: choose settings, run a preview, then save to start");
    const main = await within(form).findByRole("checkbox", { name: "MAIN — Main street store" });
    expect(main).not.toBeChecked();
    expect(within(form).getByRole("checkbox", { name: "WH1 — Warehouse" })).toBeChecked();
    expect(within(form).queryByLabelText("Location codes")).not.toBeInTheDocument();
    expect(within(form).getByLabelText("Product name")).toHaveAccessibleDescription(
      "Set once: written when the product is created, then yours to edit in WooCommerce",
    );
    expect(within(form).getByRole("button", { name: "Save and start syncing" })).toBeInTheDocument();
  });

  it("a store whose settings were saved before just saves them", async () => {
    storeBackend({ extra: { [`GET ${STORE_BASE}/sync-settings`]: catalogSettings({ locations: ["WH1"], configured: true }) } });
    const form = await openStore();
    expect(within(form).getByRole("button", { name: "Save settings" })).toBeInTheDocument();
    expect(within(form).queryByText(/Saving starts syncing/)).not.toBeInTheDocument();
  });

  it("bridge offline: shows what to do and a text input for the location codes", async () => {
    const user = userEvent.setup();
    const put = vi.fn<Handler>(({ body }) => json(body));
    storeBackend({
      extra: {
        "GET /api/tenants/t-1/counterpoint/setup": problem({
          status: 503,
          title: "Service Unavailable",
          code: "BRIDGE_OFFLINE",
          detail: "The bridge has not been in touch for a minute: check that it runs on the Counterpoint server (Bridge page), then try again",
        }),
        [`PUT ${STORE_BASE}/sync-settings`]: put,
      },
    });
    const form = await openStore();
    const notice = await within(form).findByTestId("setup-unavailable");
    expect(notice).toHaveTextContent("The bridge is offline");
    expect(notice).toHaveTextContent("check that it runs on the Counterpoint server (Bridge page)");
    expect(within(form).queryAllByRole("checkbox", { name: /MAIN/ })).toHaveLength(0);
    await user.type(within(form).getByLabelText("Location codes"), "main, wh1");
    await user.click(within(form).getByRole("button", { name: "Save and start syncing" }));
    await vi.waitFor(() => expect(put).toHaveBeenCalled());
    expect(put.mock.calls[0][0].body).toMatchObject({ locations: ["MAIN", "WH1"] });
  });

  it("save sends the whole settings body", async () => {
    const user = userEvent.setup();
    const put = vi.fn<Handler>(({ body }) => json(body));
    storeBackend({ extra: { [`PUT ${STORE_BASE}/sync-settings`]: put } });
    const form = await openStore();
    await user.click(await within(form).findByRole("checkbox", { name: "MAIN — Main street store" }));
    await user.selectOptions(within(form).getByLabelText("Regular price level"), "PRC_1");
    await user.click(within(form).getByRole("radio", { name: "A price level" }));
    await user.selectOptions(within(form).getByLabelText("Sale price level"), "PRC_2");
    const buffer = within(form).getByLabelText("Safety buffer");
    await user.clear(buffer);
    await user.type(buffer, "2");
    await user.click(within(form).getByRole("checkbox", { name: "Create new products as drafts" }));
    await user.selectOptions(within(form).getByLabelText("Categories"), "ALWAYS");
    expect(within(form).getByLabelText("Categories")).toHaveAccessibleDescription("Always: kept equal to Counterpoint");
    await user.click(within(form).getByRole("button", { name: "Save and start syncing" }));
    await vi.waitFor(() => expect(put).toHaveBeenCalledTimes(1));
    expect(put.mock.calls[0][0].body).toEqual({
      locations: ["MAIN"],
      regularPriceLevel: "PRC_1",
      saleSource: "PRICE_LEVEL",
      salePriceLevel: "PRC_2",
      safetyBuffer: 2,
      newProductsAsDraft: false,
      ownership: { name: "SET_ONCE", descriptions: "SET_ONCE", categories: "ALWAYS" },
    });
    expect(await screen.findByText(/Catalog settings saved/)).toBeInTheDocument();
  });

  it("a 400 shows each field's error", async () => {
    const user = userEvent.setup();
    storeBackend({
      extra: {
        [`PUT ${STORE_BASE}/sync-settings`]: problem({
          status: 400,
          title: "Bad Request",
          code: "VALIDATION_FAILED",
          detail: "Invalid catalog settings: salePriceLevel, safetyBuffer",
          errors: [
            { field: "salePriceLevel", message: "must differ from regularPriceLevel" },
            { field: "safetyBuffer", message: "must be between 0 and 100000" },
          ],
        }),
      },
    });
    const form = await openStore();
    await user.click(within(form).getByRole("radio", { name: "A price level" }));
    await user.selectOptions(within(form).getByLabelText("Sale price level"), "REG_PRC");
    const buffer = within(form).getByLabelText("Safety buffer");
    await user.clear(buffer);
    await user.type(buffer, "999999");
    await user.click(within(form).getByRole("button", { name: "Save and start syncing" }));
    expect(await within(form).findByText("must differ from regularPriceLevel")).toBeInTheDocument();
    expect(within(form).getByLabelText("Sale price level")).toHaveAccessibleDescription("must differ from regularPriceLevel");
    expect(buffer).toHaveAttribute("aria-invalid", "true");
    expect(buffer).toHaveAccessibleDescription(/must be between 0 and 100000/);
    expect(within(form).getByText("Fix the fields marked below, then save again.")).toBeInTheDocument();
  });

  it("members read the settings but can't change them", async () => {
    storeBackend({ role: "member" });
    const form = await openStore();
    expect(within(form).getByTestId("owner-only-note")).toBeInTheDocument();
    expect(within(form).getByLabelText("Regular price level")).toBeDisabled();
    expect(within(form).queryByRole("button", { name: /^Save/ })).not.toBeInTheDocument();
  });

  it("preview: starts a preview run, shows its counts and links to it", async () => {
    const user = userEvent.setup();
    const old = run({ id: "r-old", runTrigger: "PREVIEW" });
    let runs: SyncRun[] = [old, run()];
    const preview = run({ id: "r-prev", runTrigger: "PREVIEW", status: "PARTIAL", itemsCreated: 3, itemsFailed: 1 });
    const post = vi.fn<Handler>(() => {
      runs = [preview, ...runs];
      return new Response(null, { status: 202 });
    });
    storeBackend({
      extra: {
        [`POST ${STORE_BASE}/sync-preview`]: post,
        [`GET ${STORE_BASE}/runs`]: () => json(runs),
        [`GET ${STORE_BASE}/runs/r-prev`]: {
          run: preview,
          items: [
            { itemKey: "A-1", outcome: "CREATED", errorCode: null, reason: null, actionHint: null },
            { itemKey: "A-2", outcome: "CREATED", errorCode: null, reason: null, actionHint: null },
            { itemKey: "B-1", outcome: "ADOPTED", errorCode: null, reason: null, actionHint: null },
            { itemKey: "C-1", outcome: "FAILED", errorCode: "DUPLICATE_SKU", reason: "two products", actionHint: "fix" },
            { itemKey: "WooCommerce #9 X", outcome: "SKIPPED", errorCode: null, reason: null, actionHint: null },
          ],
        },
      },
    });
    await openStore();
    await user.click(within(section()).getByRole("button", { name: "Run a preview" }));
    const summary = await within(section()).findByRole("list", { name: "Preview summary" });
    expect(post).toHaveBeenCalledTimes(1);
    expect(summary).toHaveTextContent("2 would be created");
    expect(summary).toHaveTextContent("1 would be adopted");
    expect(summary).toHaveTextContent("1 conflicts");
    expect(summary).toHaveTextContent("1 left alone");
    expect(within(section()).getByRole("link", { name: "View preview details" })).toHaveAttribute(
      "href",
      "/t/t-1/stores/s-1/runs/r-prev",
    );
  });
});
