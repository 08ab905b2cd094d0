import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeUser, oidc } from "../test/fakeUserManager";
import { json, problem } from "../test/mockFetch";
import { renderApp } from "../test/renderApp";
import { storeBackend } from "../stores/testData";
import { bridge } from "../bridge/testData";
import { dashboard } from "./testData";

describe("dashboard", { timeout: 15000 }, () => {
  it("shows the bridge, each job with its last and next run, a running sync's progress and the charts", async () => {
    const fetch = storeBackend({ extra: { "GET /api/tenants/t-1/dashboard": dashboard(), "GET /api/tenants/t-1/bridges": [bridge()] } });
    oidc.storedUser = fakeUser();
    renderApp("/t/t-1");

    expect(await screen.findByTestId("all-good", {}, { timeout: 5000 })).toHaveTextContent("Everything is running");
    const url = new URL(fetch.mock.calls.map((c) => String(c[0])).find((u) => u.includes("/dashboard"))!, "http://x");
    expect(url.searchParams.get("days")).toBe("14");

    const bridges = await screen.findByRole("list", { name: "Active bridges" });
    expect(within(bridges).getByRole("listitem")).toHaveTextContent(/Store server\s*Online\s*Last seen just now · Version 1\.0\.0 · latency 42 ms/);

    const jobs = screen.getByRole("table", { name: "Sync jobs of Main web shop" });
    const products = within(jobs).getByRole("row", { name: /Products/ });
    expect(products).toHaveTextContent("Some items failed");
    expect(products).toHaveTextContent("12 created");
    expect(products).toHaveTextContent("1 failed");
    expect(within(products).getByText(/in 10 minutes/)).toBeInTheDocument();
    expect(within(jobs).getByRole("row", { name: /Prices/ })).toHaveTextContent("Off");

    const progress = screen.getByRole("progressbar", { name: "Inventory full resync running" });
    expect(progress).toHaveAttribute("value", "40");
    expect(progress).toHaveAttribute("max", "160");
    expect(screen.getByText("40 of 160 items")).toBeInTheDocument();

    const itemsChart = screen.getByRole("img", { name: "Items synced per day" });
    expect(itemsChart).toHaveAccessibleDescription(/25 items synced in the last 14 days; most on Mar 3 \(20\)/);
    await userEvent.click(screen.getByRole("button", { name: /Show as a table \(Web orders per day\)/ }));
    const table = screen.getByRole("table", { name: "Web orders per day" });
    expect(within(table).getAllByRole("row")).toHaveLength(15);
    expect(within(table).getByRole("row", { name: "Mar 3 3" })).toBeInTheDocument();
  });

  it("starts a sync and a confirmed full resync from a job row", async () => {
    const runs: unknown[] = [];
    storeBackend({
      extra: {
        "GET /api/tenants/t-1/dashboard": dashboard(),
        "POST /api/tenants/t-1/stores/s-1/jobs/PRODUCTS/runs": ({ body }) => {
          runs.push(body);
          return new Response(null, { status: 202 });
        },
      },
    });
    oidc.storedUser = fakeUser();
    renderApp("/t/t-1");
    await userEvent.click(await screen.findByRole("button", { name: "Sync now (Products, Main web shop)" }, { timeout: 5000 }));
    expect(await screen.findByText("Sync of products for “Main web shop” started.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Full resync (Products, Main web shop)" }));
    const dialog = screen.getByRole("dialog");
    await userEvent.click(within(dialog).getByRole("button", { name: "Start full resync" }));
    expect(runs).toEqual([{}, { full: true }]);
  });

  it("puts what needs the retailer first, with what to do and a link to it", async () => {
    storeBackend({
      extra: {
        "GET /api/tenants/t-1/dashboard": dashboard({
          attention: [
            { kind: "BRIDGE_OFFLINE", severity: "CRITICAL", title: "The bridge is offline", detail: "Orders wait.", action: "Start the bridge service.", siteId: null, jobType: null, runId: null, count: 1 },
            { kind: "ORDERS_NEED_ATTENTION", severity: "CRITICAL", title: "2 web orders need attention", detail: "Not in Counterpoint yet.", action: "Open each order.", siteId: null, jobType: null, runId: null, count: 2 },
            { kind: "FAILED_ITEMS", severity: "WARNING", title: "1 item failed", detail: "Others went through.", action: "Fix it, then Retry.", siteId: "s-1", jobType: "PRODUCTS", runId: "r-1", count: 1 },
          ],
        }),
      },
    });
    oidc.storedUser = fakeUser();
    renderApp("/t/t-1");
    const region = await screen.findByRole("region", { name: "Needs your attention" });
    const items = within(region).getAllByRole("listitem");
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent("What to do: Start the bridge service.");
    expect(within(items[0]).getByRole("link", { name: "Open the bridge page" })).toHaveAttribute("href", "/t/t-1/bridge");
    expect(within(items[1]).getByRole("link", { name: "See the orders" })).toHaveAttribute("href", "/t/t-1/orders?state=NEEDS_ATTENTION");
    expect(within(items[2]).getByRole("link", { name: "Open the run" })).toHaveAttribute("href", "/t/t-1/stores/s-1/runs/r-1");
    expect(screen.queryByTestId("all-good")).not.toBeInTheDocument();
  });

  it("says Counterpoint is not answering on the bridge's server, since when, and links to the bridge page", async () => {
    storeBackend({
      extra: {
        "GET /api/tenants/t-1/dashboard": dashboard({
          attention: [
            { kind: "COUNTERPOINT_UNREACHABLE", severity: "CRITICAL", title: "Counterpoint is not answering on the bridge's server — waiting",
              detail: "The bridge “Store server” is online, but Counterpoint's database has not answered it since 09:14 on 3 Mar 2025 (UTC).",
              action: "Check that Counterpoint's SQL Server is running.", siteId: null, jobType: null, runId: null, count: 1 },
          ],
        }),
      },
    });
    oidc.storedUser = fakeUser();
    renderApp("/t/t-1");
    const region = await screen.findByRole("region", { name: "Needs your attention" });
    const item = within(region).getByRole("listitem");
    expect(item).toHaveTextContent("Counterpoint is not answering on the bridge's server — waiting");
    expect(item).toHaveTextContent("has not answered it since 09:14 on 3 Mar 2025 (UTC)");
    expect(within(item).getByRole("link", { name: "Open the bridge page" })).toHaveAttribute("href", "/t/t-1/bridge");
  });

  it("shows empty stores and a readable error with a retry", async () => {
    let calls = 0;
    storeBackend({
      extra: {
        "GET /api/tenants/t-1/bridges": [],
        "GET /api/tenants/t-1/dashboard": () =>
          ++calls === 1 ? problem({ status: 500, title: "Internal", detail: "Database unavailable" }) : json(dashboard({ stores: [], bridges: [] })),
      },
    });
    oidc.storedUser = fakeUser();
    renderApp("/t/t-1");
    expect(await screen.findByRole("heading", { name: "Couldn't load the dashboard" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("No stores linked yet")).toBeInTheDocument();
    expect(await screen.findByText("Not installed yet")).toBeInTheDocument();
  });
});
