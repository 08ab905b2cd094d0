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
  const mine = () => memberships.filter((m) => m.subject === user.subject);
  if (url.pathname === "/api/me") {
    return send(res, 200, { ...user, roles: [], memberships: mine().map((m) => ({ tenantId: m.tenantId, tenantName: tenants.get(m.tenantId).name, role: m.role })) });
  }
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
    return send(res, 201, tenant);
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
      return send(res, 200, memberships.filter((x) => x.tenantId === m[1]).map((x) => ({ ...user, role: x.role, joinedAt: x.joinedAt })));
    }
    return send(res, 200, { ...tenants.get(m[1]), role: membership.role });
  }
  return problem(res, 404, "Not Found", `No route ${req.method} ${url.pathname}`);
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
    res.writeHead(204, { "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Headers": "*", "Access-Control-Allow-Methods": "GET, POST" });
    return res.end();
  }
  const handler = url.pathname.startsWith("/realms/counterlink") ? oidc : url.pathname.startsWith("/api/") ? api : staticFile;
  handler(req, res, url).catch((e) => {
    console.error(e);
    send(res, 500, "internal error", "text/plain");
  });
}).listen(port, "127.0.0.1", () => console.log(`mock backend + OIDC on ${origin}`));
