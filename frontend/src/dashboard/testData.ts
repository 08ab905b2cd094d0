import type { Dashboard, DashboardJob, DayTotals } from "../api/types";
import { bridge } from "../bridge/testData";
import { run } from "../stores/testData";

export function days(values: [number, number][] = []): DayTotals[] {
  const out: DayTotals[] = [];
  for (let i = 0; i < 14; i++) {
    const d = new Date(Date.UTC(2025, 2, 1 + i)).toISOString().slice(0, 10);
    const [items, orders] = values[i] ?? [0, 0];
    out.push({ day: d, itemsSynced: items, itemsFailed: 0, ordersReceived: orders });
  }
  return out;
}

export function dashJob(jobType: DashboardJob["jobType"], overrides: Partial<DashboardJob> = {}): DashboardJob {
  return { jobType, enabled: true, intervalSeconds: 900, nextRunAt: null, lastRun: null, progress: null, ...overrides };
}

export function dashboard(overrides: Partial<Dashboard> = {}): Dashboard {
  return {
    generatedAt: "2025-03-14T12:00:00Z",
    timeZone: "UTC",
    bridges: [bridge()],
    stores: [
      {
        id: "s-1",
        name: "Main web shop",
        url: "https://shop.example.com",
        status: "ACTIVE",
        statusReason: null,
        jobs: [
          dashJob("PRODUCTS", { lastRun: run({ id: "r-1", itemsCreated: 12, itemsUpdated: 3, itemsFailed: 1, status: "PARTIAL" }), nextRunAt: new Date(Date.now() + 10 * 60_000).toISOString() }),
          dashJob("INVENTORY", {
            intervalSeconds: 60,
            progress: { runId: "r-2", runTrigger: "FULL_RESYNC", startedAt: "2025-03-14T11:59:00Z", processed: 40, total: 160, read: 160, created: 0, updated: 30, unchanged: 10, failed: 0 },
          }),
          dashJob("PRICING", { enabled: false }),
          dashJob("ORDERS", { intervalSeconds: 60 }),
        ],
      },
    ],
    days: days([[5, 1], [0, 0], [20, 3]]),
    orders: { needsAttention: 0, flagged: 0, waiting: 2, written: 1 },
    attention: [],
    ...overrides,
  };
}
