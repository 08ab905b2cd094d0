// A dependency-free stand-in for the Counterlink backend AND Keycloak, for
// trying the built portal (dist/) in a browser without Java or Keycloak:
//
//   npm run build && node dev/mock-server.mjs [port]   (default 4000)
//   node dev/mock-server.mjs 8080 & npm run dev          (vite dev proxies /api to :8080)
//
// It serves dist/ with an SPA fallback, the /api contract from the backend
// brief (in memory), and a fake OIDC provider at /realms/counterlink that
// signs every login in as ada@example.com without asking anything.
// For local use only: it validates nothing.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { randomUUID } from "node:crypto";

const port = Number(process.argv[2] ?? process.env.PORT ?? 4000);
const origin = `http://localhost:${port}`;
const issuer = `${origin}/realms/counterlink`;
const dist = fileURLToPath(new URL("../dist/", import.meta.url));

const user = { subject: "user-ada", email: "ada@example.com", name: "Ada Lovelace" };
const tenants = new Map(); // id -> tenant
const memberships = []; // { tenantId, subject, role, joinedAt }
const bridges = new Map(); // tenantId -> [bridge]
// Simulated enrollment: a token issued here is "used" by a fake bridge that
// appears offline after MOCK_ENROLL_MS (default 6 s) and online 4 s later.
const enrollDelay = Number(process.env.MOCK_ENROLL_MS ?? 6000);

const b64url = (obj) => Buffer.from(JSON.stringify(obj)).toString("base64url");
const jwt = (claims) => `${b64url({ alg: "none", typ: "JWT" })}.${b64url(claims)}.`;
const codes = new Map(); // code -> nonce

const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".map": "application/json" };

function send(res, status, body, type = "application/json", headers = {}) {
  // CORS so that `vite dev` (another port) can talk to the fake OIDC endpoints.
  res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*", ...headers });
  res.end(typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body));
}
const problem = (res, status, title, detail, errors) =>
  send(res, status, { type: "about:blank", title, status, detail, ...(errors ? { errors } : {}) }, "application/problem+json");
const redirect = (res, location) => {
  res.writeHead(302, { Location: location });
  res.end();
};
async function readBody(req) {
  let data = "";
  for await (const chunk of req) data += chunk;
  return data;
}

async function oidc(req, res, url) {
  const path = url.pathname.slice("/realms/counterlink".length);
  if (path === "/.well-known/openid-configuration") {
    return send(res, 200, {
      issuer,
      authorization_endpoint: `${issuer}/protocol/openid-connect/auth`,
      token_endpoint: `${issuer}/protocol/openid-connect/token`,
      end_session_endpoint: `${issuer}/protocol/openid-connect/logout`,
      userinfo_endpoint: `${issuer}/protocol/openid-connect/userinfo`,
      jwks_uri: `${issuer}/protocol/openid-connect/certs`,
      response_types_supported: ["code"],
      code_challenge_methods_supported: ["S256"],
    });
  }
  if (path === "/protocol/openid-connect/auth") {
    const code = randomUUID();
    codes.set(code, url.searchParams.get("nonce"));
    const back = new URL(url.searchParams.get("redirect_uri"));
    back.searchParams.set("code", code);
    back.searchParams.set("state", url.searchParams.get("state"));
    console.log(`[oidc] authorize prompt=${url.searchParams.get("prompt") ?? "-"} -> ${back.pathname}`);
    return redirect(res, back.href);
  }
  if (path === "/protocol/openid-connect/token" && req.method === "POST") {
    const form = new URLSearchParams(await readBody(req));
    const now = Math.floor(Date.now() / 1000);
    const nonce = codes.get(form.get("code"));
    const claims = { iss: issuer, aud: "counterlink-portal", sub: user.subject, email: user.email, name: user.name, iat: now, exp: now + 3600, ...(nonce ? { nonce } : {}) };
    return send(res, 200, { access_token: jwt({ ...claims, aud: "counterlink-api" }), id_token: jwt(claims), token_type: "Bearer", expires_in: 3600, scope: "openid profile email" });
  }
  if (path === "/protocol/openid-connect/logout") {
    return redirect(res, url.searchParams.get("post_logout_redirect_uri") ?? origin);
  }
  return send(res, 404, { error: "not_found" });
}

async function api(req, res, url) {
  if (url.pathname === "/api/public/config") {
    return send(res, 200, { issuer, clientId: "counterlink-portal", audience: "counterlink-api", registrationUrl: `${issuer}/protocol/openid-connect/registrations` });
  }
  if (url.pathname === "/api/public/downloads/counterlink-bridge.jar") {
    return send(res, 200, Buffer.from("PK\u0003\u0004 mock jar"), "application/java-archive", { "Content-Disposition": 'attachment; filename="counterlink-bridge.jar"' });
  }
  if (!/^Bearer .+/.test(req.headers.authorization ?? "")) return problem(res, 401, "Unauthorized", "Sign in first.");
  const real = () => memberships.filter((m) => m.subject === user.subject);
  // A staff member in a live support session acts as an owner (and every call is audited).
  const mine = () => [
    ...real(),
    ...liveSupport().filter((s) => !real().some((m) => m.tenantId === s.tenantId)).map((s) => ({ tenantId: s.tenantId, subject: user.subject, role: "owner", session: s })),
  ];
  const acting = url.pathname.match(/^\/api\/tenants\/([^/]+)/);
  const actingAs = acting && mine().find((m) => m.tenantId === acting[1] && m.session);
  if (actingAs) audit(actingAs.tenantId, "support.access", "tenant", actingAs.tenantId, { method: req.method, path: url.pathname }, actingAs.session);
  if (url.pathname === "/api/me") {
    return send(res, 200, {
      ...user,
      roles: staffMode ? ["vendor-support"] : [],
      memberships: real().map((m) => ({ tenantId: m.tenantId, tenantName: tenants.get(m.tenantId).name, role: m.role })),
      supportSessions: liveSupport(),
    });
  }
  const supportHandled = await supportApi(req, res, url);
  if (supportHandled !== false) return supportHandled;
  if (url.pathname === "/api/tenants" && req.method === "POST") {
    let name;
    try { name = JSON.parse(await readBody(req)).name; } catch { /* fall through */ }
    name = typeof name === "string" ? name.trim() : "";
    if (!name) return problem(res, 400, "Bad Request", "Validation failed", [{ field: "name", message: "Company name must not be blank" }]);
    if (name.length > 120) return problem(res, 400, "Bad Request", "Validation failed", [{ field: "name", message: "Company name must be at most 120 characters" }]);
    if (/fail/i.test(name)) return problem(res, 400, "Bad Request", "Validation failed", [{ field: "name", message: "The mock server rejects names containing 'fail'" }]);
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    if ([...tenants.values()].some((t) => t.slug === slug)) return problem(res, 409, "Conflict", `The company address "${slug}" is already taken.`);
    const tenant = { id: randomUUID(), name, slug, status: "ACTIVE", createdAt: new Date().toISOString() };
    tenants.set(tenant.id, tenant);
    memberships.push({ tenantId: tenant.id, subject: user.subject, role: "owner", joinedAt: tenant.createdAt });
    // A colleague to try role changes and removal with.
    memberships.push({ tenantId: tenant.id, subject: "user-bob", role: "member", joinedAt: tenant.createdAt });
    return send(res, 201, tenant);
  }
  // the setup wizard's progress, from the fake bridges and stores (settings and runs are not tracked here)
  const o = url.pathname.match(/^\/api\/tenants\/([^/]+)\/onboarding$/);
  if (o && req.method === "GET") {
    if (!mine().some((x) => x.tenantId === o[1])) return problem(res, 404, "Not Found", "No such company.");
    const enrolled = (bridges.get(o[1]) ?? []).filter((x) => x.status === "ENROLLED");
    const bridge = enrolled.length === 0 ? "NONE" : enrolled.some((x) => x.online) ? "ONLINE" : enrolled.some((x) => x.lastSeenAt) ? "OFFLINE" : "NEVER_CONNECTED";
    const list = [...stores.values()].filter((x) => x.tenantId === o[1] && x.status !== "REMOVED").map((x) => ({
      id: x.id, name: x.name, status: x.status, stage: x.status === "ACTIVE" ? "SETTINGS" : "STORES",
      catalogSettings: "NOT_SAVED", orderSettings: "NOT_SAVED", preview: "NONE",
    }));
    const first = list.find((x) => x.status === "ACTIVE");
    const step = bridge === "NONE" || bridge === "NEVER_CONNECTED" ? "BRIDGE" : first ? "SETTINGS" : "STORES";
    return send(res, 200, { step, siteId: step === "SETTINGS" ? first.id : null, bridge, stores: list });
  }
  const b = url.pathname.match(/^\/api\/tenants\/([^/]+)\/bridges(?:\/(enrollment-tokens)|\/([^/]+)\/(revoke))?$/);
  if (b) {
    const membership = mine().find((x) => x.tenantId === b[1]);
    if (!membership) return problem(res, 404, "Not Found", "No such company.");
    const list = bridges.get(b[1]) ?? [];
    bridges.set(b[1], list);
    if (!b[2] && !b[3] && req.method === "GET") {
      const now = Date.now();
      return send(res, 200, list.map((x) => ({ ...x, lastSeenAt: x.online ? new Date(now).toISOString() : x.lastSeenAt, latencyMs: x.online ? 30 + Math.floor(Math.random() * 40) : null })));
    }
    if (req.method !== "POST") return problem(res, 405, "Method Not Allowed", "Use POST.");
    if (membership.role !== "owner") return problem(res, 403, "Forbidden", "Only an owner of this company can do this.");
    if (b[2]) {
      const token = `cl_${randomUUID().replaceAll("-", "").slice(0, 24)}`;
      const expiresAt = new Date(Date.now() + 15 * 60_000).toISOString();
      const n = list.length + 1;
      setTimeout(() => {
        const bridge = { id: randomUUID(), name: n === 1 ? "COUNTERPOINT-SRV" : `COUNTERPOINT-SRV-${n}`, status: "ENROLLED", online: false, lastSeenAt: null, version: null, latencyMs: null, createdAt: new Date().toISOString(), revokedAt: null };
        list.push(bridge);
        setTimeout(() => Object.assign(bridge, { online: true, version: "0.1.0", lastSeenAt: new Date().toISOString() }), 4000);
      }, enrollDelay);
      console.log(`[bridge] token issued for ${b[1]}; a fake bridge enrolls in ${enrollDelay} ms`);
      return send(res, 201, { token, expiresAt, enrollCommand: `counterlink-bridge enroll --server ${origin} --token ${token}` });
    }
    const bridge = list.find((x) => x.id === b[3]);
    if (!bridge) return problem(res, 404, "Not Found", "No such bridge.");
    const now = new Date().toISOString();
    Object.assign(bridge, { status: "REVOKED", lastSeenAt: bridge.online ? now : bridge.lastSeenAt, online: false, latencyMs: null, revokedAt: now });
    return send(res, 200, bridge);
  }
  const m = url.pathname.match(/^\/api\/tenants\/([^/]+)(\/members)?$/);
  if (m && req.method === "GET") {
    const membership = mine().find((x) => x.tenantId === m[1]);
    if (!membership) return problem(res, 404, "Not Found", "No such company.");
    if (m[2]) {
      return send(res, 200, memberships.filter((x) => x.tenantId === m[1]).map((x) => ({ ...people[x.subject], subject: x.subject, role: x.role, joinedAt: x.joinedAt })));
    }
    return send(res, 200, { ...tenants.get(m[1]), role: membership.role });
  }
  const handled = await portalApi(req, res, url, mine);
  if (handled !== false) return handled;
  return problem(res, 404, "Not Found", `No route ${req.method} ${url.pathname}`);
}

// --- Support sessions and audit (MOCK_STAFF=1 makes Ada Counterlink staff and adds "Beta Bikes") ---
const staffMode = process.env.MOCK_STAFF === "1";
const supportSessions = []; // { id, tenantId, staffSubject, staffEmail, reason, startedAt, expiresAt, endedAt }
const auditEvents = []; // newest last; { tenantId, ... }
const liveSupport = () => supportSessions.filter((s) => s.staffSubject === user.subject && !s.endedAt && Date.parse(s.expiresAt) > Date.now());
function audit(tenantId, action, targetType, targetId, detail, session, actor = { subject: user.subject, email: user.email }) {
  auditEvents.push({ id: randomUUID(), tenantId, occurredAt: new Date().toISOString(), actorSubject: actor.subject, actorEmail: actor.email, onBehalfOf: session ? `support session ${session.id} (${session.reason})` : null, action, targetType, targetId, detail });
}
if (staffMode) {
  const beta = { id: randomUUID(), name: "Beta Bikes", slug: "beta-bikes", status: "ACTIVE", createdAt: new Date(Date.now() - 40 * 86400_000).toISOString() };
  tenants.set(beta.id, beta);
  memberships.push({ tenantId: beta.id, subject: "user-bob", role: "owner", joinedAt: beta.createdAt });
  audit(beta.id, "tenant.created", "tenant", beta.id, { name: beta.name, slug: beta.slug }, null, { subject: "user-bob", email: "bob@example.com" });
}
async function supportApi(req, res, url) {
  const p = url.pathname;
  const s = p.match(/^\/api\/support\/tenants(?:\/([^/]+)\/sessions(?:\/([^/]+)\/end)?)?$/);
  if (s) {
    if (!staffMode) return problem(res, 403, "Forbidden", "Only Counterlink support staff can do that");
    const [, tenantId, sessionId] = s;
    if (!tenantId && req.method === "GET") {
      const q = (url.searchParams.get("q") ?? "").toLowerCase();
      return send(res, 200, [...tenants.values()].filter((t) => t.name.toLowerCase().includes(q)).slice(0, 50));
    }
    if (!tenants.has(tenantId)) return problem(res, 404, "Not Found", "No such company.");
    if (req.method !== "POST") return problem(res, 405, "Method Not Allowed", "Use POST.");
    if (sessionId) {
      const session = supportSessions.find((x) => x.id === sessionId && x.tenantId === tenantId);
      if (!session) return problem(res, 404, "Not Found", "No such session.");
      if (!session.endedAt) {
        session.endedAt = new Date().toISOString();
        audit(tenantId, "support.session.ended", "support_session", session.id, {}, session);
      }
      return send(res, 204, "");
    }
    let body = {};
    try { body = JSON.parse((await readBody(req)) || "{}"); } catch { /* empty */ }
    const reason = typeof body.reason === "string" ? body.reason.trim() : "";
    const minutes = body.minutes ?? 30;
    const errors = [];
    if (reason.length < 10 || reason.length > 500) errors.push({ field: "reason", message: "Give a reason of 10 to 500 characters" });
    if (!Number.isInteger(minutes) || minutes < 5 || minutes > 120) errors.push({ field: "minutes", message: "A session lasts 5 to 120 minutes" });
    if (/fail/i.test(reason)) errors.push({ field: "reason", message: "The mock server rejects reasons containing 'fail'" });
    if (errors.length) return problem(res, 400, "Bad Request", "Validation failed", errors);
    const now = Date.now();
    const session = { id: randomUUID(), tenantId, staffSubject: user.subject, staffEmail: user.email, reason, startedAt: new Date(now).toISOString(), expiresAt: new Date(now + minutes * 60_000).toISOString(), endedAt: null };
    supportSessions.push(session);
    audit(tenantId, "support.session.started", "support_session", session.id, { reason, minutes }, session);
    return send(res, 201, session);
  }
  const t = p.match(/^\/api\/tenants\/([^/]+)\/(support-sessions|audit)$/);
  if (t && req.method === "GET") {
    const [, tenantId, kind] = t;
    const member = memberships.some((m) => m.subject === user.subject && m.tenantId === tenantId) || liveSupport().some((x) => x.tenantId === tenantId);
    if (!member) return problem(res, 404, "Not Found", "No such company.");
    if (kind === "support-sessions") return send(res, 200, supportSessions.filter((x) => x.tenantId === tenantId).slice().reverse());
    return send(res, 200, auditEvents.filter((x) => x.tenantId === tenantId).slice(-200).reverse().map(({ tenantId: _t, ...e }) => e));
  }
  return false;
}

// --- Stores, sync jobs and runs, team and invitations (in memory) ---
const people = {
  [user.subject]: { email: user.email, name: user.name },
  "user-bob": { email: "bob@example.com", name: "Bob Builder" },
};
const stores = new Map(); // siteId -> store (+ tenantId, jobs, runs, webhooks)
const invitations = new Map(); // id -> invitation (+ tenantId, token)
const JOB_TYPES = ["PRODUCTS", "INVENTORY", "PRICING", "ORDERS"];
const fieldError = (res, field, message) => problem(res, 400, "Bad Request", "Validation failed", [{ field, message }]);
const publicStore = ({ tenantId: _t, jobs: _j, runs: _r, webhooks: _w, ...s }) => s;
const activate = (s) => {
  Object.assign(s, { status: "ACTIVE", hasCredentials: true, keyPermissions: "read_write", linkedAt: new Date().toISOString(), statusReason: null, homeUrl: s.url, addressNotice: null });
  s.webhooks = [
    { topic: "order.created", wooWebhookId: 101, status: "active" },
    { topic: "order.updated", wooWebhookId: 102, status: "active" },
    { topic: "product.updated", wooWebhookId: 103, status: "paused" },
  ];
};
function startRun(s, jobType, trigger) {
  const run = { id: randomUUID(), jobType, status: "RUNNING", statusReason: null, startedAt: new Date().toISOString(), finishedAt: null, itemsRead: 0, itemsCreated: 0, itemsUpdated: 0, itemsUnchanged: 0, itemsFailed: 0, runTrigger: trigger, items: [] };
  s.runs.unshift(run);
  setTimeout(() => {
    const failed = jobType === "PRODUCTS" ? 2 : 0;
    Object.assign(run, { status: failed ? "PARTIAL" : "SUCCEEDED", statusReason: failed ? `${failed} items failed` : null, finishedAt: new Date().toISOString(), itemsRead: 40, itemsCreated: 3, itemsUpdated: 5, itemsUnchanged: 30, itemsFailed: failed });
    run.items = [
      { itemKey: "SKU-1001", outcome: "CREATED", errorCode: null, reason: null, actionHint: null },
      { itemKey: "SKU-1002", outcome: "UPDATED", errorCode: null, reason: null, actionHint: null },
      ...(failed ? [
        { itemKey: "SKU-2040", outcome: "FAILED", errorCode: "WOO_DUPLICATE_SKU", reason: "WooCommerce already has another product with SKU SKU-2040", actionHint: "Delete the duplicate product in WooCommerce or change its SKU, then sync again" },
        { itemKey: "SKU-2041", outcome: "FAILED", errorCode: "CP_NO_PRICE", reason: "The item has no price in Counterpoint", actionHint: "Give the item a price in Counterpoint; the next sync picks it up" },
      ] : []),
    ];
  }, 3000);
  return run;
}

async function portalApi(req, res, url, mine) {
  const json = async () => { try { return JSON.parse((await readBody(req)) || "{}"); } catch { return {}; } };
  const p = url.pathname;
  if (p === "/api/invitations/accept" && req.method === "POST") {
    const { token } = await json();
    const inv = [...invitations.values()].find((i) => i.token === token && i.status === "PENDING");
    if (!inv || Date.parse(inv.expiresAt) < Date.now()) return problem(res, 404, "Not Found", "This invitation is not valid any more: ask the company's owner for a new one");
    if (inv.email.toLowerCase() !== user.email) return problem(res, 403, "Forbidden", `This invitation was sent to ${inv.email}, but you are signed in as ${user.email}.`);
    inv.status = "ACCEPTED";
    if (!mine().some((x) => x.tenantId === inv.tenantId)) memberships.push({ tenantId: inv.tenantId, subject: user.subject, role: inv.role, joinedAt: new Date().toISOString() });
    return send(res, 200, { ...tenants.get(inv.tenantId), role: inv.role });
  }
  const t = p.match(/^\/api\/tenants\/([^/]+)\/(stores|members|invitations)(?:\/(.*))?$/);
  if (!t) return false;
  const [, tenantId, kind, rest = ""] = t;
  const me = mine().find((x) => x.tenantId === tenantId);
  if (!me) return problem(res, 404, "Not Found", "No such company.");
  const owner = me.role === "owner";
  const forbidden = () => problem(res, 403, "Forbidden", "Only an owner of this company can do this.");
  const owners = () => memberships.filter((x) => x.tenantId === tenantId && x.role === "owner");

  if (kind === "members") {
    const subject = decodeURIComponent(rest);
    const target = memberships.find((x) => x.tenantId === tenantId && x.subject === subject);
    if (!target) return problem(res, 404, "Not Found", "No such member.");
    if (req.method === "PUT") {
      if (!owner) return forbidden();
      const { role } = await json();
      if (!["owner", "member"].includes(role)) return fieldError(res, "role", "Choose owner or member");
      if (target.role === "owner" && role !== "owner" && owners().length === 1) return problem(res, 409, "Conflict", "A company needs at least one owner: make someone else an owner first");
      target.role = role;
      return send(res, 200, { ...people[subject], subject, role, joinedAt: target.joinedAt });
    }
    if (req.method === "DELETE") {
      if (!owner && subject !== user.subject) return problem(res, 403, "Forbidden", "Only an owner of this company can remove members");
      if (target.role === "owner" && owners().length === 1) return problem(res, 409, "Conflict", "A company needs at least one owner: make someone else an owner first");
      memberships.splice(memberships.indexOf(target), 1);
      return send(res, 204, "");
    }
    return false;
  }

  if (kind === "invitations") {
    if (!owner) return forbidden();
    const view = ({ tenantId: _t, token: _k, ...i }) => ({ ...i, acceptUrl: null });
    if (!rest && req.method === "GET") return send(res, 200, [...invitations.values()].filter((i) => i.tenantId === tenantId && i.status === "PENDING").map(view));
    if (!rest && req.method === "POST") {
      const { email = "", role = "member" } = await json();
      if (!email.trim()) return fieldError(res, "email", "Enter the person's email address");
      const known = memberships.some((x) => x.tenantId === tenantId && people[x.subject]?.email === email.trim().toLowerCase());
      if (known) return problem(res, 409, "Conflict", `${email.trim()} is already a member of this company`);
      for (const i of invitations.values()) if (i.tenantId === tenantId && i.email === email.trim().toLowerCase() && i.status === "PENDING") i.status = "REPLACED";
      const inv = { id: randomUUID(), tenantId, token: randomUUID().replaceAll("-", ""), email: email.trim().toLowerCase(), role, status: "PENDING", createdAt: new Date().toISOString(), expiresAt: new Date(Date.now() + 7 * 86400_000).toISOString() };
      invitations.set(inv.id, inv);
      console.log(`[team] invitation for ${inv.email}: ${origin}/invitations/accept?token=${inv.token}`);
      return send(res, 201, { ...view(inv), acceptUrl: `${origin}/invitations/accept?token=${inv.token}` });
    }
    if (rest && req.method === "DELETE") {
      const inv = invitations.get(rest);
      if (!inv || inv.tenantId !== tenantId) return problem(res, 404, "Not Found", "No such invitation.");
      inv.status = "REVOKED";
      return send(res, 204, "");
    }
    return false;
  }

  // stores
  const [siteId, sub, ...more] = rest.split("/");
  if (!siteId) {
    if (req.method === "GET") return send(res, 200, [...stores.values()].filter((s) => s.tenantId === tenantId && s.status !== "REMOVED").map(publicStore));
    if (req.method !== "POST") return false;
    if (!owner) return forbidden();
    const { url: raw = "", name = "" } = await json();
    let u;
    try { u = new URL(raw.trim()); } catch { return fieldError(res, "url", "must be a full address such as https://shop.example.com"); }
    if (!name.trim()) return fieldError(res, "name", "must not be blank");
    const base = `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, "")}`;
    let s = [...stores.values()].find((x) => x.tenantId === tenantId && x.url === base && x.status !== "REMOVED");
    if (s && s.status !== "PENDING") return problem(res, 409, "Conflict", "This store is already linked");
    if (!s) {
      s = { id: randomUUID(), tenantId, name: name.trim(), url: base, status: "PENDING", statusReason: null, hasCredentials: false, keyPermissions: null, createdAt: new Date().toISOString(), linkedAt: null, homeUrl: null, addressNotice: null, webhooks: [], runs: [], jobs: JOB_TYPES.map((jobType) => ({ jobType, enabled: true, intervalSeconds: jobType === "ORDERS" ? 60 : 300 })) };
      stores.set(s.id, s);
    }
    const returnUrl = `${origin}/t/${tenantId}/stores/${s.id}`;
    // A fake WooCommerce approval page on this server (the real one is on the store).
    const authorizeUrl = `${origin}/mock-woo/wc-auth/v1/authorize?app_name=Counterlink&scope=read_write&user_id=${s.id}&return_url=${encodeURIComponent(returnUrl)}`;
    return send(res, 201, { store: publicStore(s), authorizeUrl });
  }
  const s = stores.get(siteId);
  if (!s || s.tenantId !== tenantId || s.status === "REMOVED") return problem(res, 404, "Not Found", "Store not found");
  if (!sub) {
    if (req.method === "GET") return send(res, 200, publicStore(s));
    if (req.method === "DELETE") {
      if (!owner) return forbidden();
      Object.assign(s, { status: "REMOVED", statusReason: `Removed by ${user.email}` });
      return send(res, 204, "");
    }
    return false;
  }
  if (sub === "credentials" && req.method === "PUT") {
    if (!owner) return forbidden();
    const { consumerKey = "", consumerSecret = "" } = await json();
    const errors = [];
    if (!/^ck_[A-Za-z0-9]{20,64}$/.test(consumerKey.trim())) errors.push({ field: "consumerKey", message: "must be a WooCommerce consumer key (ck_…)" });
    if (!/^cs_[A-Za-z0-9]{20,64}$/.test(consumerSecret.trim())) errors.push({ field: "consumerSecret", message: "must be a WooCommerce consumer secret (cs_…)" });
    if (errors.length) return problem(res, 400, "Bad Request", "Validation failed", errors);
    activate(s);
    return send(res, 200, publicStore(s));
  }
  if (sub === "test-connection" && req.method === "POST") {
    await new Promise((r) => setTimeout(r, 600));
    if (!s.hasCredentials) return send(res, 200, [{ check: "keys", status: "FAIL", detail: "The store has no API keys yet", fix: "Finish linking the store in WooCommerce, or enter keys by hand" }]);
    return send(res, 200, [
      { check: "keys", status: "PASS", detail: "The store accepted the API keys and allows reading", fix: null },
      { check: "write-permission", status: "PASS", detail: "The keys may write products and stock", fix: null },
      { check: "woocommerce-version", status: "WARN", detail: "WooCommerce 7.1 is older than 7.9", fix: "Update WooCommerce to 7.9 or later" },
      { check: "currency", status: "PASS", detail: "Prices are in USD", fix: null },
    ]);
  }
  if (sub === "webhooks") {
    if (req.method === "GET" && !more.length) return send(res, 200, s.webhooks);
    if (req.method === "POST") {
      if (!owner) return forbidden();
      if (s.status !== "ACTIVE") return problem(res, 409, "Conflict", "The store is not active");
      s.webhooks = s.webhooks.length ? s.webhooks : [{ topic: "order.created", wooWebhookId: 101, status: "paused" }, { topic: "order.updated", wooWebhookId: 102, status: "paused" }, { topic: "product.updated", wooWebhookId: 103, status: "paused" }];
      s.webhooks = s.webhooks.map((w) => ({ ...w, status: "active" }));
      return send(res, 200, s.webhooks);
    }
    return false;
  }
  const lastRun = (jobType) => s.runs.find((r) => r.jobType === jobType) ?? null;
  const runView = ({ items: _i, ...r }) => r;
  if (sub === "jobs") {
    const [jobType, runs] = more;
    if (!jobType && req.method === "GET") return send(res, 200, s.jobs.map((j) => ({ ...j, lastRun: lastRun(j.jobType) && runView(lastRun(j.jobType)) })));
    const j = s.jobs.find((x) => x.jobType === jobType);
    if (!j) return problem(res, 404, "Not Found", "No such job");
    if (!owner) return forbidden();
    if (!runs && req.method === "PUT") {
      const { enabled, intervalSeconds } = await json();
      if (typeof enabled !== "boolean") return fieldError(res, "enabled", "Say whether the job runs");
      if (!Number.isInteger(intervalSeconds)) return fieldError(res, "intervalSeconds", "Give the interval in seconds");
      if (intervalSeconds < 10) return fieldError(res, "intervalSeconds", "Run at most every 10 seconds");
      if (intervalSeconds > 86400) return fieldError(res, "intervalSeconds", "Run at least once a day");
      Object.assign(j, { enabled, intervalSeconds });
      return send(res, 200, { ...j, lastRun: lastRun(jobType) && runView(lastRun(jobType)) });
    }
    if (runs === "runs" && req.method === "POST") {
      if (s.status !== "ACTIVE") return problem(res, 409, "Conflict", "The store is not active yet");
      const { full } = await json();
      startRun(s, jobType, full ? "FULL_RESYNC" : "MANUAL");
      return send(res, 202, "");
    }
    return false;
  }
  if (sub === "runs" && req.method === "GET") {
    if (!more.length) {
      const jt = url.searchParams.get("jobType");
      return send(res, 200, s.runs.filter((r) => !jt || r.jobType === jt).map(runView));
    }
    const r = s.runs.find((x) => x.id === more[0]);
    if (!r) return problem(res, 404, "Not Found", "No such run");
    return send(res, 200, { run: runView(r), items: r.items });
  }
  return false;
}

async function mockWoo(req, res, url) {
  const siteId = url.searchParams.get("user_id");
  const back = url.searchParams.get("return_url") ?? origin;
  const s = stores.get(siteId ?? "");
  if (url.searchParams.get("decision") === "approve" && s) {
    setTimeout(() => activate(s), 3000); // WooCommerce's callback arrives a moment later
    return redirect(res, `${back}?success=1&user_id=${siteId}`);
  }
  if (url.searchParams.get("decision") === "deny") return redirect(res, `${back}?success=0&user_id=${siteId}`);
  const here = new URL(url.href);
  here.searchParams.set("decision", "approve");
  const approve = here.href;
  here.searchParams.set("decision", "deny");
  const deny = here.href;
  return send(res, 200, `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>WooCommerce (mock)</title></head><body style="font-family:sans-serif;max-width:30rem;margin:3rem auto"><h1>Counterlink would like to connect to your store</h1><p>Mock WooCommerce approval page.</p><p><a id="approve" href="${approve}">Approve</a> &nbsp; <a id="deny" href="${deny}">Deny</a></p></body></html>`, "text/html");
}

async function staticFile(_req, res, url) {
  const rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, "");
  const file = join(dist, rel);
  if (file.startsWith(dist) && extname(file)) {
    try {
      return send(res, 200, await readFile(file), types[extname(file)] ?? "application/octet-stream");
    } catch { /* fall through */ }
    if (rel.startsWith("assets/")) return send(res, 404, "not found", "text/plain");
  }
  return send(res, 200, await readFile(join(dist, "index.html")), "text/html");
}

createServer((req, res) => {
  const url = new URL(req.url, origin);
  if (req.method === "OPTIONS") {
    res.writeHead(204, { "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Headers": "*", "Access-Control-Allow-Methods": "GET, POST, PUT, DELETE" });
    return res.end();
  }
  const handler = url.pathname.startsWith("/realms/counterlink")
    ? oidc
    : url.pathname.startsWith("/api/")
      ? api
      : url.pathname.startsWith("/mock-woo/")
        ? mockWoo
        : staticFile;
  handler(req, res, url).catch((e) => {
    console.error(e);
    send(res, 500, "internal error", "text/plain");
  });
}).listen(port, "127.0.0.1", () => console.log(`mock backend + OIDC on ${origin}`));
