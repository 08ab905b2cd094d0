import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { OnboardingStatus } from "../api/types";
import { STORE_BASE, allJobs, run, storeBackend } from "../stores/testData";
import { fakeUser, oidc } from "../test/fakeUserManager";
import { json, type Handler } from "../test/mockFetch";
import { renderApp } from "../test/renderApp";

type StoreProgress = OnboardingStatus["stores"][number];

const progress = (overrides: Partial<StoreProgress> = {}): StoreProgress => ({
  id: "s-1",
  name: "Main web shop",
  status: "ACTIVE",
  stage: "SETTINGS",
  catalogSettings: "NOT_SAVED",
  orderSettings: "NOT_SAVED",
  preview: "NONE",
  ...overrides,
});

const status = (overrides: Partial<OnboardingStatus> = {}): OnboardingStatus => ({
  step: "SETTINGS",
  siteId: "s-1",
  bridge: "ONLINE",
  stores: [progress()],
  ...overrides,
});

async function open(path: string, onboarding: OnboardingStatus, extra: Record<string, Handler | object> = {}) {
  const fetch = storeBackend({ extra: { "GET /api/tenants/t-1/onboarding": onboarding, ...extra } });
  oidc.storedUser = fakeUser();
  renderApp(path);
  return fetch;
}

describe("setup wizard", () => {
  it("resumes at the first unfinished step the server reports, and holds the jobs until Start", async () => {
    const held = vi.fn<Handler>(({ body }) => json({ jobType: "X", ...(body as object), lastRun: null }));
    await open("/t/t-1/setup", status(), {
      [`PUT ${STORE_BASE}/jobs/INVENTORY`]: held,
      [`PUT ${STORE_BASE}/jobs/ORDERS`]: held,
      [`GET ${STORE_BASE}/order-settings`]: {
        sendStatus: "completed", documentType: "T", storeId: "1", stationId: "1", drawerId: "1",
        defaultPayCode: "CASH", payCodes: {}, taxCode: "TX", lookbackMinutes: 10,
        shippingMiscCharge: null, feeMiscCharge: 2,
      },
    });
    expect(await screen.findByRole("heading", { level: 1, name: "Store settings" }, { timeout: 5000 })).toBeInTheDocument();
    expect(window.location.pathname).toBe("/t/t-1/setup/settings");
    expect(window.location.search).toBe("?store=s-1");
    const steps = screen.getByRole("navigation", { name: "Setup steps" });
    expect(within(steps).getByRole("link", { name: /^Install the bridge\s*\(done\)$/ })).toBeInTheDocument();
    expect(within(steps).getByRole("link", { name: /^Link a store\s*\(done\)$/ })).toBeInTheDocument();
    expect(within(steps).getByRole("link", { name: "Store settings" })).toHaveAttribute("aria-current", "step");
    expect(screen.getByText(/Nothing syncs until you press Start/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Continue to the preview" })).toBeDisabled();
    expect(await screen.findByRole("form", { name: "Catalog settings" })).toBeInTheDocument();
    expect(screen.getByRole("form", { name: "Order settings" })).toBeInTheDocument();
    // only the jobs that are on and never ran are switched off
    await vi.waitFor(() => expect(held).toHaveBeenCalledTimes(2));
    expect(held.mock.calls.map((c) => [c[0].url.pathname.split("/").pop(), c[0].body])).toEqual([
      ["INVENTORY", { enabled: false, intervalSeconds: 60 }],
      ["ORDERS", { enabled: false, intervalSeconds: 30 }],
    ]);
  });

  it("bridge offline: says so, what to do, and lets the person go on", async () => {
    await open("/t/t-1/setup/bridge", status({ step: "STORES", siteId: null, bridge: "OFFLINE", stores: [] }));
    const notice = await screen.findByTestId("setup-bridge-offline", {}, { timeout: 5000 });
    expect(notice).toHaveTextContent("Your bridge is offline");
    expect(notice).toHaveTextContent("start the Counterlink Bridge service");
    expect(within(notice).getByRole("button", { name: "Continue anyway" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Download for Windows (.zip)" })).toHaveAttribute(
      "href",
      "/api/public/downloads/counterlink-bridge-windows.zip",
    );
  });

  it("bridge online but Counterpoint not answering: says so, what to check, and lets the person go on", async () => {
    await open("/t/t-1/setup/bridge", status({ step: "STORES", siteId: null, bridge: "COUNTERPOINT_UNREACHABLE", stores: [] }));
    const notice = await screen.findByTestId("setup-counterpoint-unreachable", {}, { timeout: 5000 });
    expect(notice).toHaveTextContent("Counterpoint is not answering on the bridge's server — waiting");
    expect(notice).toHaveTextContent("Check that Counterpoint's SQL Server is running on that server");
    expect(within(notice).getByRole("button", { name: "Continue anyway" })).toBeInTheDocument();
    expect(screen.queryByTestId("setup-bridge-online")).not.toBeInTheDocument();
  });

  it("a fresh company: the owner creates a token and gets the exact commands, with a live waiting line", async () => {
    const user = userEvent.setup();
    await open("/t/t-1/setup", status({ step: "BRIDGE", siteId: null, bridge: "NONE", stores: [] }), {
      "POST /api/tenants/t-1/bridges/enrollment-tokens": { token: "clb1.abc", expiresAt: "2099-01-01T00:00:00Z" },
    });
    expect(await screen.findByRole("heading", { level: 1, name: "Install the bridge" }, { timeout: 5000 })).toBeInTheDocument();
    expect(window.location.pathname).toBe("/t/t-1/setup/bridge");
    await user.click(screen.getByRole("button", { name: "Create a one-time token" }));
    expect(await screen.findByTestId("windows-enroll")).toHaveTextContent(
      `java -jar counterlink-bridge.jar enroll --server ${window.location.origin} --token clb1.abc`,
    );
    expect(screen.getByTestId("linux-install")).toHaveTextContent("sudo java -jar counterlink-bridge.jar install-service");
    expect(screen.getByTestId("bridge-watch")).toHaveTextContent("Waiting for the bridge to connect…");
  });

  it("start turns every job on with its interval and runs the first products sync", async () => {
    const user = userEvent.setup();
    const jobs = allJobs().map((j) => ({ ...j, enabled: false, lastRun: null }));
    const put = vi.fn<Handler>(({ url, body }) => json({ jobType: url.pathname.split("/").pop(), ...(body as object), lastRun: null }));
    const runNow = vi.fn<Handler>(() => new Response(null, { status: 202 }));
    await open("/t/t-1/setup/start?store=s-1", status({ step: "START", stores: [progress({ stage: "START", catalogSettings: "SAVED", orderSettings: "SAVED", preview: "FINISHED" })] }), {
      [`GET ${STORE_BASE}/jobs`]: jobs,
      [`PUT ${STORE_BASE}/jobs/PRODUCTS`]: put,
      [`PUT ${STORE_BASE}/jobs/INVENTORY`]: put,
      [`PUT ${STORE_BASE}/jobs/PRICING`]: put,
      [`PUT ${STORE_BASE}/jobs/ORDERS`]: put,
      [`POST ${STORE_BASE}/jobs/PRODUCTS/runs`]: runNow,
    });
    const list = await screen.findByRole("list", { name: "Sync jobs to start" }, { timeout: 5000 });
    expect(within(list).getAllByText(/Off until you start/)).toHaveLength(4);
    await user.click(screen.getByRole("button", { name: "Start syncing" }));
    await vi.waitFor(() => expect(runNow).toHaveBeenCalledTimes(1));
    expect(put.mock.calls.map((c) => c[0].body)).toEqual([
      { enabled: true, intervalSeconds: 300 },
      { enabled: true, intervalSeconds: 60 },
      { enabled: true, intervalSeconds: 300 },
      { enabled: true, intervalSeconds: 30 },
    ]);
    expect(await screen.findByText("Starting the first sync…")).toBeInTheDocument();
  });

  it("coming back to the preview step shows what the last preview found", async () => {
    const preview = run({ id: "p-1", runTrigger: "PREVIEW", status: "PARTIAL" });
    await open("/t/t-1/setup/preview?store=s-1", status({ step: "START", stores: [progress({ stage: "START", catalogSettings: "SAVED", orderSettings: "SAVED", preview: "FINISHED" })] }), {
      [`GET ${STORE_BASE}/runs`]: [preview],
      [`GET ${STORE_BASE}/runs/p-1`]: {
        run: preview,
        items: [
          { itemKey: "A-1", outcome: "CREATED", errorCode: null, reason: null, actionHint: null },
          { itemKey: "A-2", outcome: "CREATED", errorCode: null, reason: null, actionHint: null },
          { itemKey: "A-3", outcome: "ADOPTED", errorCode: null, reason: null, actionHint: null },
          { itemKey: "A-4", outcome: "FAILED", errorCode: "SKU_TYPE_CONFLICT", reason: "variable in WooCommerce", actionHint: "fix it" },
        ],
      },
    });
    const summary = await screen.findByRole("list", { name: "Last preview summary" }, { timeout: 5000 });
    expect(summary).toHaveTextContent("2 would be created");
    expect(summary).toHaveTextContent("1 would be adopted");
    expect(summary).toHaveTextContent("1 conflicts");
    expect(screen.getByRole("link", { name: "View the last preview's details" })).toHaveAttribute("href", "/t/t-1/stores/s-1/runs/p-1");
    expect(screen.getByRole("button", { name: "Continue to start" })).toBeEnabled();
  });

  it("a per-store step without an active store points back to linking one", async () => {
    await open("/t/t-1/setup/preview", status({ step: "STORES", siteId: null, stores: [progress({ status: "PENDING", stage: "STORES" })] }));
    expect(await screen.findByText("Link a store first", {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText("Link a store first").closest(".notice")!.querySelector("a")).toHaveAttribute("href", "/t/t-1/setup/stores");
  });

  it("an unknown step says so and offers to continue", async () => {
    await open("/t/t-1/setup/nope", status());
    expect(await screen.findByText("Step not found", {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Continue the setup" })).toHaveAttribute("href", "/t/t-1/setup");
  });
});
