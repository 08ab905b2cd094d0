import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeUser, oidc } from "../test/fakeUserManager";
import { json, problem } from "../test/mockFetch";
import { renderApp } from "../test/renderApp";
import { STORE_BASE, run, storeBackend } from "../stores/testData";

const failedItem = {
  id: 77, itemKey: "AC-00001", outcome: "FAILED", errorCode: "SKU_TYPE_CONFLICT",
  reason: "WooCommerce's product with SKU AC-00001 is a variable product", actionHint: "Change the WooCommerce product's SKU",
};
const detail = { run: run({ id: "r-9", status: "PARTIAL", itemsFailed: 1, runTrigger: "MANUAL" }), items: [failedItem] };
const before = { runId: "r-9b", status: "PARTIAL", startedAt: "2025-03-02T10:05:00Z", finishedAt: "2025-03-02T10:06:00Z", outcome: "FAILED", errorCode: "SKU_TYPE_CONFLICT", reason: "still", actionHint: null };

describe("retrying a failed item", { timeout: 20000 }, () => {
  afterEach(() => vi.useRealTimers());

  it("runs the job, waits for a newer run and shows the item went through, with a link to that run", async () => {
    let polls = 0;
    storeBackend({
      extra: {
        [`GET ${STORE_BASE}/runs/r-9`]: detail,
        [`POST ${STORE_BASE}/runs/r-9/items/77/retry`]: json({ item: failedItem, jobType: "PRODUCTS", since: before }, 202),
        [`GET ${STORE_BASE}/runs/r-9/items/77`]: () => {
          polls++;
          const since = polls === 1 ? { ...before, runId: "r-10", status: "RUNNING", outcome: null } : { ...before, runId: "r-10", status: "SUCCEEDED", outcome: "CREATED" };
          return json({ item: failedItem, jobType: "PRODUCTS", since });
        },
      },
    });
    oidc.storedUser = fakeUser();
    renderApp("/t/t-1/stores/s-1/runs/r-9");
    const item = within(await screen.findByRole("list", { name: "Failed items" }, { timeout: 5000 })).getByRole("listitem");
    vi.useFakeTimers({ shouldAdvanceTime: true });
    await userEvent.click(within(item).getByRole("button", { name: "Retry AC-00001" }));
    expect(await within(item).findByText(/waiting for its result/)).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(4_500));
    expect(await within(item).findByText("Retried: the item went through")).toBeInTheDocument();
    expect(item).toHaveTextContent("(created)");
    expect(polls).toBe(2);
    expect(within(item).getByRole("link", { name: "Open the new run" })).toHaveAttribute("href", "/t/t-1/stores/s-1/runs/r-10");
  });

  it("shows when the item still fails, and a refusal from the API", async () => {
    let retries = 0;
    storeBackend({
      extra: {
        [`GET ${STORE_BASE}/runs/r-9`]: detail,
        [`POST ${STORE_BASE}/runs/r-9/items/77/retry`]: () =>
          ++retries === 1
            ? problem({ status: 409, title: "Conflict", detail: "The store is not active, so nothing can sync to it" })
            : json({ item: failedItem, jobType: "PRODUCTS", since: null }, 202),
        [`GET ${STORE_BASE}/runs/r-9/items/77`]: json({
          item: failedItem, jobType: "PRODUCTS",
          since: { ...before, runId: "r-11", reason: "WooCommerce's product with SKU AC-00001 is a variable product", actionHint: "Change the SKU" },
        }),
      },
    });
    oidc.storedUser = fakeUser();
    renderApp("/t/t-1/stores/s-1/runs/r-9");
    const item = within(await screen.findByRole("list", { name: "Failed items" }, { timeout: 5000 })).getByRole("listitem");
    await userEvent.click(within(item).getByRole("button", { name: "Retry AC-00001" }));
    expect(await within(item).findByRole("alert")).toHaveTextContent("The store is not active");
    vi.useFakeTimers({ shouldAdvanceTime: true });
    await userEvent.click(within(item).getByRole("button", { name: "Retry AC-00001" }));
    await act(() => vi.advanceTimersByTimeAsync(2_500));
    expect(await within(item).findByText("Still failing.")).toBeInTheDocument();
    expect(item).toHaveTextContent("What to do: Change the SKU");
  });

  it("offers no retry on a preview, which changes nothing", async () => {
    storeBackend({ extra: { [`GET ${STORE_BASE}/runs/r-9`]: { ...detail, run: { ...detail.run, runTrigger: "PREVIEW" } } } });
    oidc.storedUser = fakeUser();
    renderApp("/t/t-1/stores/s-1/runs/r-9");
    const item = within(await screen.findByRole("list", { name: "Failed items" }, { timeout: 5000 })).getByRole("listitem");
    expect(within(item).queryByRole("button", { name: /Retry/ })).not.toBeInTheDocument();
  });
});
