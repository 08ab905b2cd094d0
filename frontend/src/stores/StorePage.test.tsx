import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { JobSetting } from "../api/types";
import { fakeUser, oidc } from "../test/fakeUserManager";
import { json, problem, type Handler } from "../test/mockFetch";
import { renderApp } from "../test/renderApp";
import { browser } from "../utils/browser";
import { JOB_POLL_MS } from "./JobsSection";
import { STORE_POLL_MS } from "./StorePage";
import { STORE_BASE, allJobs, job, run, store, storeBackend } from "./testData";

async function openStore(search = "") {
  oidc.storedUser = fakeUser();
  renderApp(`/t/t-1/stores/s-1${search}`);
  await screen.findByRole("heading", { level: 1, name: "Main web shop" }, { timeout: 5000 });
}

const calls = (fetchMock: ReturnType<typeof storeBackend>, method: string, path: string) =>
  fetchMock.mock.calls.filter(([url, init]) => String(url) === path && (init?.method ?? "GET") === method);

const jobItem = (name: string) => {
  const list = screen.getByRole("list", { name: "Sync jobs" });
  return within(list).getByRole("listitem", { name });
};

describe("store page", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("after approval in WooCommerce: says so, tidies the address and refreshes until the store is active", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let current = store({ status: "PENDING", hasCredentials: false, linkedAt: null });
    const fetchMock = storeBackend({ extra: { [`GET ${STORE_BASE}`]: () => json(current) } });
    await openStore("?success=1&user_id=state-token");
    const notice = screen.getByTestId("return-notice");
    expect(notice).toHaveTextContent("Approved — Counterlink now has access");
    expect(notice).toHaveTextContent("Waiting for WooCommerce to send the keys…");
    expect(window.location.search).toBe("");
    const before = calls(fetchMock, "GET", STORE_BASE).length;

    await act(() => vi.advanceTimersByTimeAsync(STORE_POLL_MS));
    expect(calls(fetchMock, "GET", STORE_BASE).length).toBe(before + 1);

    current = store();
    await act(() => vi.advanceTimersByTimeAsync(STORE_POLL_MS));
    expect(notice).toHaveTextContent("The store is active.");
    expect(screen.getByRole("heading", { level: 1 }).parentElement).toHaveTextContent("Active");

    // Stops once active.
    const after = calls(fetchMock, "GET", STORE_BASE).length;
    await act(() => vi.advanceTimersByTimeAsync(STORE_POLL_MS * 3));
    expect(calls(fetchMock, "GET", STORE_BASE).length).toBe(after);
  });

  it("after declining: offers linking again and entering keys by hand", async () => {
    const user = userEvent.setup();
    const assign = vi.spyOn(browser, "assign").mockImplementation(() => undefined);
    const pending = store({ status: "PENDING", hasCredentials: false, linkedAt: null });
    storeBackend({
      extra: {
        [`GET ${STORE_BASE}`]: pending,
        "POST /api/tenants/t-1/stores": (({ body }) => {
          expect(body).toEqual({ url: "https://shop.example.com", name: "Main web shop" });
          return json({ store: pending, authorizeUrl: "https://shop.example.com/wc-auth/v1/authorize?x=1" }, 201);
        }) as Handler,
      },
    });
    await openStore("?success=0");
    const notice = screen.getByTestId("return-notice");
    expect(notice).toHaveTextContent("You declined access; link again or enter keys by hand");
    // The manual key form is open already.
    expect(screen.getByRole("button", { name: /Enter API keys by hand/ })).toHaveAttribute("aria-expanded", "true");
    expect(screen.getByLabelText("Consumer key")).toBeInTheDocument();
    expect(screen.getByText(/WooCommerce → Settings → Advanced → REST API/)).toBeInTheDocument();

    await user.click(within(notice).getByRole("button", { name: "Link again" }));
    await vi.waitFor(() => expect(assign).toHaveBeenCalledWith("https://shop.example.com/wc-auth/v1/authorize?x=1"));
  });

  it("manual keys: shows the field the server names", async () => {
    const user = userEvent.setup();
    const put = vi.fn<Handler>(({ body }) => {
      expect(body).toEqual({ consumerKey: "ck_short", consumerSecret: "cs_0123456789abcdef0123456789" });
      return problem({
        status: 400,
        title: "Bad Request",
        detail: "Validation failed",
        errors: [{ field: "consumerKey", message: "must be a WooCommerce consumer key (ck_…)" }],
      });
    });
    storeBackend({ extra: { [`PUT ${STORE_BASE}/credentials`]: put } });
    await openStore();
    await user.click(screen.getByRole("button", { name: /Enter API keys by hand/ }));
    const key = screen.getByLabelText("Consumer key");
    await vi.waitFor(() => expect(key).toHaveFocus());

    // Blank: no request.
    await user.click(screen.getByRole("button", { name: "Replace keys" }));
    expect(key).toHaveAccessibleDescription("Enter the consumer key (it starts with ck_).");
    expect(put).not.toHaveBeenCalled();

    await user.type(key, "ck_short");
    await user.type(screen.getByLabelText("Consumer secret"), "cs_0123456789abcdef0123456789");
    await user.click(screen.getByRole("button", { name: "Replace keys" }));
    expect(await screen.findByText("must be a WooCommerce consumer key (ck_…)")).toBeInTheDocument();
    expect(key).toHaveAttribute("aria-invalid", "true");
    expect(key).toHaveAccessibleDescription("must be a WooCommerce consumer key (ck_…)");
    expect(key).toHaveFocus();
    expect(screen.getByLabelText("Consumer secret")).not.toHaveAttribute("aria-invalid");
  });

  it("tests the connection and shows a checklist with fixes for warnings and failures", async () => {
    const user = userEvent.setup();
    storeBackend({
      extra: {
        [`POST ${STORE_BASE}/test-connection`]: [
          { check: "keys", status: "PASS", detail: "The store accepted the API keys and allows reading", fix: null },
          {
            check: "write-permission",
            status: "FAIL",
            detail: "The keys are read-only: 401",
            fix: "Create a key with Read/Write permission in WooCommerce > Settings > Advanced > REST API",
          },
          { check: "woocommerce-version", status: "WARN", detail: "WooCommerce 7.1 is older than 7.9", fix: "Update WooCommerce to 7.9 or later" },
          { check: "currency", status: "PASS", detail: "Prices are in USD", fix: "ignored for a pass" },
        ],
      },
    });
    await openStore();
    await user.click(screen.getByRole("button", { name: "Test connection" }));
    const list = await screen.findByRole("list", { name: "Connection checks" });
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(4);
    expect(items[0]).toHaveTextContent("API keys");
    expect(items[0]).toHaveTextContent("Pass");
    expect(items[0]).not.toHaveTextContent("How to fix");
    expect(items[1]).toHaveTextContent("Write permission");
    expect(items[1]).toHaveTextContent("Fail");
    expect(items[1]).toHaveTextContent("How to fix: Create a key with Read/Write permission");
    expect(items[2]).toHaveTextContent("Warning");
    expect(items[2]).toHaveTextContent("How to fix: Update WooCommerce to 7.9 or later");
    expect(items[3]).not.toHaveTextContent("How to fix");
    expect(screen.getByText("1 check failed.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Test again" })).toBeEnabled();
  });

  it("edits a job's schedule and shows the interval error the server names", async () => {
    const user = userEvent.setup();
    const put = vi.fn<Handler>(({ body }) => {
      const b = body as { enabled: boolean; intervalSeconds: number };
      if (b.intervalSeconds < 10) {
        return problem({
          status: 400,
          title: "Bad Request",
          detail: "Validation failed",
          errors: [{ field: "intervalSeconds", message: "Run at most every 10 seconds" }],
        });
      }
      return json(job("INVENTORY", { ...b, lastRun: null }));
    });
    storeBackend({ extra: { [`PUT ${STORE_BASE}/jobs/INVENTORY`]: put } });
    await openStore();
    await screen.findByRole("list", { name: "Sync jobs" });
    const inventory = jobItem("Inventory");
    expect(inventory).toHaveTextContent("On · every 1 minute");
    await user.click(within(inventory).getByRole("button", { name: "Edit schedule" }));
    const interval = within(inventory).getByLabelText("Interval in seconds");
    await user.clear(interval);
    await user.type(interval, "5");
    await user.click(within(inventory).getByRole("button", { name: "Save schedule" }));
    expect(await within(inventory).findByText("Run at most every 10 seconds")).toBeInTheDocument();
    expect(interval).toHaveAttribute("aria-invalid", "true");
    expect(interval).toHaveFocus();
    expect(put).toHaveBeenLastCalledWith(expect.objectContaining({ body: { enabled: true, intervalSeconds: 5 } }));

    await user.clear(interval);
    await user.type(interval, "900");
    await user.click(within(inventory).getByRole("checkbox", { name: /Run inventory sync automatically/ }));
    await user.click(within(inventory).getByRole("button", { name: "Save schedule" }));
    await vi.waitFor(() => expect(within(inventory).queryByLabelText("Interval in seconds")).not.toBeInTheDocument());
    expect(put).toHaveBeenLastCalledWith(expect.objectContaining({ body: { enabled: false, intervalSeconds: 900 } }));
    expect(inventory).toHaveTextContent("Off");
    expect(await screen.findByText("Inventory schedule saved.")).toBeInTheDocument();
  });

  it("Sync now starts a run and refreshes the job until the run has finished", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    let jobs: JobSetting[] = allJobs();
    const runNow = vi.fn<Handler>(() => new Response(null, { status: 202 }));
    const fetchMock = storeBackend({
      extra: { [`GET ${STORE_BASE}/jobs`]: () => json(jobs), [`POST ${STORE_BASE}/jobs/PRODUCTS/runs`]: runNow },
    });
    await openStore();
    await screen.findByRole("list", { name: "Sync jobs" });
    const products = jobItem("Products");
    expect(products).toHaveTextContent("Succeeded");

    await user.click(within(products).getByRole("button", { name: "Sync now" }));
    expect(runNow).toHaveBeenCalledTimes(1);
    expect(runNow.mock.calls[0][0].body).toEqual({});
    expect(await screen.findByText("Sync of products started.")).toBeInTheDocument();
    expect(within(products).getByText(/Checking for the result/)).toBeInTheDocument();
    const before = calls(fetchMock, "GET", `${STORE_BASE}/jobs`).length;

    jobs = allJobs().map((j) =>
      j.jobType === "PRODUCTS" ? { ...j, lastRun: run({ id: "r-2", status: "RUNNING", runTrigger: "MANUAL", finishedAt: null }) } : j,
    );
    await act(() => vi.advanceTimersByTimeAsync(JOB_POLL_MS));
    expect(calls(fetchMock, "GET", `${STORE_BASE}/jobs`).length).toBe(before + 1);
    expect(products).toHaveTextContent("Running");

    jobs = allJobs().map((j) =>
      j.jobType === "PRODUCTS"
        ? { ...j, lastRun: run({ id: "r-2", status: "PARTIAL", runTrigger: "MANUAL", itemsFailed: 2, statusReason: "2 items failed" }) }
        : j,
    );
    await act(() => vi.advanceTimersByTimeAsync(JOB_POLL_MS));
    expect(products).toHaveTextContent("Some items failed");
    expect(products).toHaveTextContent("2 failed");
    expect(within(products).queryByText(/Checking for the result/)).not.toBeInTheDocument();
    expect(within(products).getByRole("link", { name: "View run details" })).toHaveAttribute("href", "/t/t-1/stores/s-1/runs/r-2");

    const after = calls(fetchMock, "GET", `${STORE_BASE}/jobs`).length;
    await act(() => vi.advanceTimersByTimeAsync(JOB_POLL_MS * 4));
    expect(calls(fetchMock, "GET", `${STORE_BASE}/jobs`).length).toBe(after);
  });

  it("Full resync asks first and sends full: true", async () => {
    const user = userEvent.setup();
    const runNow = vi.fn<Handler>(() => new Response(null, { status: 202 }));
    storeBackend({ extra: { [`POST ${STORE_BASE}/jobs/ORDERS/runs`]: runNow } });
    await openStore();
    await screen.findByRole("list", { name: "Sync jobs" });
    await user.click(within(jobItem("Orders")).getByRole("button", { name: "Full resync" }));
    const dialog = screen.getByRole("dialog", { name: "Full resync of orders?" });
    await user.click(within(dialog).getByRole("button", { name: "Start full resync" }));
    await vi.waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(runNow.mock.calls[0][0].body).toEqual({ full: true });
  });

  it("members see the store without owner controls", async () => {
    storeBackend({ role: "member" });
    await openStore();
    await screen.findByRole("list", { name: "Sync jobs" });
    expect(screen.queryByRole("button", { name: "Sync now" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Remove store" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Enter API keys by hand/ })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Test connection" })).toBeInTheDocument();
  });

  it("registers webhooks", async () => {
    const user = userEvent.setup();
    storeBackend({
      extra: {
        [`GET ${STORE_BASE}/webhooks`]: [],
        [`POST ${STORE_BASE}/webhooks`]: [
          { topic: "order.created", wooWebhookId: 11, status: "active" },
          { topic: "product.updated", wooWebhookId: 12, status: "active" },
        ],
      },
    });
    await openStore();
    expect(await screen.findByText("No webhooks yet")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Register webhooks" }));
    expect(await screen.findByText("Product changes")).toBeInTheDocument();
    expect(screen.getByText("Webhooks registered.")).toBeInTheDocument();
  });

  it("lists the run history, filtered by job", async () => {
    const user = userEvent.setup();
    const fetchMock = storeBackend({
      extra: {
        [`GET ${STORE_BASE}/runs`]: (({ url }) =>
          json(url.searchParams.get("jobType") === "ORDERS" ? [] : [run(), run({ id: "r-0", status: "FAILED" })])) as Handler,
      },
    });
    await openStore();
    const table = await screen.findByRole("table", { name: "Sync runs" });
    expect(within(table).getAllByRole("row")).toHaveLength(3);
    await user.selectOptions(screen.getByLabelText("Job"), "Orders");
    expect(await screen.findByText("No runs yet")).toBeInTheDocument();
    expect(fetchMock.mock.calls.some(([u]) => String(u) === `${STORE_BASE}/runs?jobType=ORDERS`)).toBe(true);
  });

  it("removes the store after confirmation", async () => {
    const user = userEvent.setup();
    const del = vi.fn<Handler>(() => new Response(null, { status: 204 }));
    storeBackend({ extra: { [`DELETE ${STORE_BASE}`]: del } });
    await openStore();
    await user.click(screen.getByRole("button", { name: "Remove store" }));
    const dialog = screen.getByRole("dialog", { name: "Remove “Main web shop”?" });
    expect(dialog).toHaveAccessibleDescription(/history is kept/);
    await user.click(within(dialog).getByRole("button", { name: "Remove store" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Stores" })).toBeInTheDocument();
    expect(del).toHaveBeenCalledTimes(1);
    expect(window.location.pathname).toBe("/t/t-1/stores");
    expect(screen.getByText(/removed. It has stopped syncing/)).toBeInTheDocument();
  });

  it("says when the store doesn't exist", async () => {
    storeBackend({ extra: { [`GET ${STORE_BASE}`]: problem({ status: 404, title: "Not Found", detail: "Store not found" }) } });
    oidc.storedUser = fakeUser();
    renderApp("/t/t-1/stores/s-1");
    expect(await screen.findByRole("heading", { name: "Store not found" }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Back to stores" })).toHaveAttribute("href", "/t/t-1/stores");
  });
});
