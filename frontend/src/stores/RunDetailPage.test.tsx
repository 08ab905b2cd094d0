import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeUser, oidc } from "../test/fakeUserManager";
import { renderApp } from "../test/renderApp";
import { STORE_BASE, run, storeBackend } from "./testData";

describe("run detail", () => {
  it("shows what happened to failed items and what to do about it", async () => {
    storeBackend({
      extra: {
        [`GET ${STORE_BASE}/runs/r-9`]: {
          run: run({ id: "r-9", status: "PARTIAL", itemsFailed: 1, itemsCreated: 1, statusReason: "1 item failed", runTrigger: "MANUAL" }),
          items: [
            { itemKey: "SKU-100", outcome: "CREATED", errorCode: null, reason: null, actionHint: null },
            {
              itemKey: "SKU-200",
              outcome: "FAILED",
              errorCode: "WOO_DUPLICATE_SKU",
              reason: "WooCommerce already has another product with SKU SKU-200",
              actionHint: "Delete the duplicate product in WooCommerce or change its SKU, then sync again",
            },
          ],
        },
      },
    });
    oidc.storedUser = fakeUser();
    renderApp("/t/t-1/stores/s-1/runs/r-9");
    expect(await screen.findByRole("heading", { level: 1, name: "Products sync run" }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 1 }).parentElement).toHaveTextContent("Some items failed");
    expect(screen.getByText("Started by").nextElementSibling).toHaveTextContent("Manual");
    expect(screen.getByText("1 item failed")).toBeInTheDocument();
    const failed = within(screen.getByRole("list", { name: "Failed items" })).getAllByRole("listitem");
    expect(failed).toHaveLength(1);
    expect(failed[0]).toHaveTextContent("SKU-200");
    expect(failed[0]).toHaveTextContent("WOO_DUPLICATE_SKU");
    expect(within(failed[0]).getByText("What happened").nextElementSibling).toHaveTextContent(
      "WooCommerce already has another product with SKU SKU-200",
    );
    expect(within(failed[0]).getByText("What to do").nextElementSibling).toHaveTextContent(
      "Delete the duplicate product in WooCommerce or change its SKU, then sync again",
    );
    // The other items on request.
    expect(screen.queryByRole("table", { name: "Other items" })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Show items" }));
    expect(within(screen.getByRole("table", { name: "Other items" })).getByText("SKU-100")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Back to the store" })).toHaveAttribute("href", "/t/t-1/stores/s-1");
    expect(document.title).toBe("Sync run – Acme Outfitters · Counterlink");
  });
});
