import type { AuditEvent } from "../api/types";

const ACTIONS: Record<string, string> = {
  "tenant.created": "Created the company",
  "member.joined": "Joined the company",
  "member.invited": "Invited someone",
  "member.invitation-revoked": "Revoked an invitation",
  "member.role-changed": "Changed a member's role",
  "member.removed": "Removed a member",
  "member.left": "Left the company",
  "store.link-started": "Started linking a store",
  "store.linked": "Store approved in WooCommerce",
  "store.keys-entered": "Entered API keys by hand",
  "store.address-changed": "Changed a store's address to the one WooCommerce uses",
  "store.removed": "Removed a store",
  "store.webhooks-registered": "Registered webhooks",
  "store.order-settings": "Changed a store's order settings",
  "sync.catalog-settings.updated": "Changed a store's catalog settings",
  "sync.item.retry": "Retried a failed item",
  "order.retry": "Retried an order",
  "order.resolve": "Resolved an order by hand",
  "customer.relink": "Linked a customer to another Counterpoint customer",
  "allocation.settings": "Switched allocation on or off",
  "sync.job.updated": "Changed a sync schedule",
  "sync.run.requested": "Started a sync",
  "sync.full-resync.requested": "Started a full resync",
  "bridge.token_issued": "Created a bridge token",
  "bridge.enrolled": "Installed a bridge",
  "bridge.revoked": "Revoked a bridge",
  "support.session.started": "Started a support session",
  "support.session.ended": "Ended a support session",
  "support.session.elevated": "Elevated a support session for writes",
  "support.session.lowered": "Set a support session back to read-only",
  "support.access": "Opened the company as support",
};

const TARGETS: Record<string, string> = {
  tenant: "Company",
  member: "Member",
  invitation: "Invitation",
  site: "Store",
  store: "Store",
  bridge: "Bridge",
  bridge_enrollment_token: "Bridge token",
  support_session: "Support session",
  order: "Order",
  customer: "Customer",
  customer_identity: "Customer",
  run_item: "Sync item",
};

export const actionLabel = (action: string) => ACTIONS[action] ?? action;

export const targetLabel = (type: string | null | undefined) =>
  type ? (TARGETS[type] ?? type.replace(/[_-]/g, " ").replace(/^./, (c) => c.toUpperCase())) : "";

const primitive = (v: unknown) => typeof v === "string" || typeof v === "number" || typeof v === "boolean";

/** "name: Main store · url: https://…", or the request of a support access ("GET /api/…"). */
export function detailText(e: AuditEvent): string {
  const d = e.detail;
  if (!d || typeof d !== "object") return "";
  if (e.action === "support.access" && typeof d.method === "string" && typeof d.path === "string") {
    const refused = typeof d.outcome === "string" && d.outcome.startsWith("refused") ? " (refused)" : "";
    return `${d.method} ${d.path}${refused}`;
  }
  return Object.entries(d)
    .map(([k, v]) => `${k}: ${primitive(v) ? String(v) : JSON.stringify(v)}`)
    .join(" · ");
}

/** What the target is called, as far as the entry tells. */
export function targetName(e: AuditEvent): string | undefined {
  const d = e.detail ?? {};
  for (const key of ["name", "email", "url"]) {
    const v = (d as Record<string, unknown>)[key];
    if (typeof v === "string" && v) return v;
  }
  return undefined;
}
