// The dashboard and its detail views against the real stack: a real bridge process on the demo
// Counterpoint, a WooCommerce sandbox store linked through its approval page, real sync runs. A product
// fails for a real reason (a WooCommerce product of the wrong type holds its SKU), the merchant fixes
// it and retries; an order for an item Counterpoint lacks needs attention and is resolved with a note.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { allowPortalOrigin, baseUrl, openBrowser, signUp } from "./support.mjs";

const repo = new URL("../../", import.meta.url).pathname;
const bridgeJar = join(repo, "onprem-bridge/bridge-agent/target/counterlink-bridge.jar");
const counterpointJar = join(repo, "onprem-bridge/counterpoint-demo/target/counterpoint-demo.jar");
const counterpointUrl = process.env.E2E_COUNTERPOINT_URL ?? "jdbc:h2:tcp://localhost:19093/counterpoint;MODE=MSSQLServer";
const sandboxUrl = process.env.E2E_SANDBOX_URL ?? "http://127.0.0.1:18091";
const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, "bin/java") : "java";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

let browser;
let bridge;
let bridgeOutput = "";
let tenantId;
let siteId;
let storeName;
let wooKey;

/** One Counterpoint query through H2's own shell (the demo database is H2 in SQL Server mode). */
function counterpoint(sql) {
  const out = spawnSync(java, ["-cp", counterpointJar, "org.h2.tools.Shell", "-url", counterpointUrl, "-user", "sa",
    "-password", "counterpoint", "-sql", sql], { encoding: "utf8", timeout: 60000 });
  assert.equal(out.status, 0, out.stderr);
  return out.stdout.trim().split("\n").slice(1, -1).map((l) => l.trim());
}

/** The portal's own API with the signed-in person's token (as the portal calls it). */
async function api(method, path, body) {
  return browser.page.evaluate(async ({ method, path, body }) => {
    const key = Object.keys(sessionStorage).find((k) => k.startsWith("oidc.user:"));
    const token = JSON.parse(sessionStorage.getItem(key)).access_token;
    const r = await fetch(path, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : null };
  }, { method, path, body });
}

async function sandbox(method, path, body) {
  const r = await fetch(`${sandboxUrl}/__sandbox/stores/${storeName}${path}`, {
    method, headers: { "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : null };
}

/** WooCommerce's REST API of the sandbox store, as the merchant's own tools would call it. */
async function woo(method, path, body) {
  const url = `${sandboxUrl}/store/${storeName}/wp-json/wc/v3/${path}?consumer_key=${wooKey.consumer_key}&consumer_secret=${wooKey.consumer_secret}`;
  const r = await fetch(url, {
    method, headers: { "Content-Type": "application/json", "X-Forwarded-Proto": "https" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await r.json();
  assert.ok(r.ok, `${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
  return json;
}

async function until(what, fn, timeoutMs = 90000) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`waited in vain for ${what}`);
}

async function shots(name, { phone = true } = {}) {
  const { page, screenshot } = browser;
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(`70-${name}`);
  if (phone) {
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(300);
    await screenshot(`70-${name}-phone`);
    await page.setViewportSize(DESKTOP);
  }
}

let conflicted;
let conflictingProduct;

before(async () => {
  await allowPortalOrigin(new URL(baseUrl).origin);
  storeName = `dash${Date.now() % 1000000}`;
  const created = await fetch(`${sandboxUrl}/__sandbox/stores`, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ name: storeName, manage_stock: true }),
  });
  assert.equal(created.status, 201, await created.text());
  assert.equal((await sandbox("PUT", "/settings", { allow_insecure_callbacks: true })).status, 200);
  wooKey = (await sandbox("POST", "/keys", { permissions: "read_write" })).body;

  browser = await openBrowser();
  const { page } = browser;
  await signUp(page, `dash-owner-${Date.now()}@example.test`);
  await page.getByLabel("Company name").fill(`Dashboard Retail ${Date.now() % 100000}`);
  await page.getByRole("button", { name: "Create company" }).click();
  await page.waitForURL(/\/t\/[0-9a-f-]{36}/);
  tenantId = new URL(page.url()).pathname.split("/")[2];

  // the bridge, enrolled with a one-time token and running as its own process
  const token = (await api("POST", `/api/tenants/${tenantId}/bridges/enrollment-tokens`, {})).body.token;
  const workDir = mkdtempSync(join(tmpdir(), "cl-dash-bridge-"));
  const enroll = spawnSync(java, ["-jar", bridgeJar, "enroll", "--server", baseUrl, "--token", token, "--name", "Back office",
    "--counterpoint-url", counterpointUrl, "--counterpoint-user", "sa", "--counterpoint-password", "counterpoint"],
  { cwd: workDir, encoding: "utf8", timeout: 60000 });
  assert.equal(enroll.status, 0, `enroll failed: ${enroll.stdout}\n${enroll.stderr}`);
  bridge = spawn(java, ["-jar", bridgeJar, "run"], { cwd: workDir, stdio: ["ignore", "pipe", "pipe"] });
  bridge.stdout.on("data", (d) => (bridgeOutput += d));
  bridge.stderr.on("data", (d) => (bridgeOutput += d));
  await until("the bridge to come online", async () => (await api("GET", `/api/tenants/${tenantId}/bridges`)).body?.[0]?.online);

  // the store, approved on WooCommerce's page
  const linked = await api("POST", `/api/tenants/${tenantId}/stores`, { url: `${sandboxUrl}/store/${storeName}`, name: "Gift shop" });
  assert.equal(linked.status, 201, JSON.stringify(linked.body));
  siteId = linked.body.store.id;
  await page.goto(linked.body.authorizeUrl);
  await page.getByRole("link", { name: "Approve" }).click();
  await until("the store to be active", async () => (await api("GET", `/api/tenants/${tenantId}/stores/${siteId}`)).body.status === "ACTIVE");

  // a WooCommerce product of the wrong type already holds a simple item's SKU: that item cannot sync
  conflicted = counterpoint("SELECT TOP 1 ITEM_NO FROM IM_ITEM WHERE TRK_METH = 'N' AND IS_ECOMM_ITEM = 'Y' ORDER BY ITEM_NO")[0];
  conflictingProduct = await woo("POST", "products", { name: "Merchant's bundle", type: "variable", sku: conflicted });

  // saving the catalog settings starts the products, inventory and pricing jobs
  const saved = await api("PUT", `/api/tenants/${tenantId}/stores/${siteId}/sync-settings`, {
    locations: ["WEB"], regularPriceLevel: "REG_PRC", saleSource: "NONE", salePriceLevel: null, safetyBuffer: 0,
    newProductsAsDraft: false, ownership: { name: "SET_ONCE", descriptions: "SET_ONCE", categories: "SET_ONCE" },
  });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  assert.equal((await api("PUT", `/api/tenants/${tenantId}/stores/${siteId}/order-settings`, {})).status, 200);
  assert.equal((await api("POST", `/api/tenants/${tenantId}/stores/${siteId}/jobs/PRODUCTS/runs`, {})).status, 202);
});

after(async () => {
  if (bridge && bridge.exitCode === null) bridge.kill("SIGKILL");
  await browser?.context.close();
});

test("the dashboard after a sync: bridge, per-job counts and runs, charts and what needs the retailer", async () => {
  const { page, consoleErrors } = browser;
  const products = await until("a finished products run", async () => {
    const runs = (await api("GET", `/api/tenants/${tenantId}/stores/${siteId}/runs?jobType=PRODUCTS`)).body;
    return runs.find((r) => r.status !== "RUNNING");
  });
  assert.equal(products.status, "PARTIAL", JSON.stringify(products));
  assert.ok(products.itemsCreated > 0);

  await page.goto(`${baseUrl}/t/${tenantId}`);
  const bridges = page.getByRole("list", { name: "Active bridges" });
  await bridges.getByText("Online").waitFor({ timeout: 30000 });
  assert.match(await bridges.innerText(), /Back office/);
  assert.match(await bridges.innerText(), /Last seen (just now|\d+ seconds? ago) · Version \S+ · latency \d+ ms/);

  const jobs = page.getByRole("table", { name: "Sync jobs of Gift shop" });
  const row = jobs.getByRole("row", { name: /^Products/ });
  await row.getByText(`${products.itemsCreated} created`).waitFor({ timeout: 30000 });
  await row.getByText("1 failed").waitFor();
  assert.match(await row.innerText(), /Some items failed/);
  assert.match(await row.innerText(), /in \d+ minutes?|in less than a minute/, "the next scheduled run");

  const chart = page.getByRole("img", { name: "Items synced per day" });
  assert.match(await chart.locator("desc").textContent(), new RegExp(`^\\d+ items synced in the last 14 days`));
  assert.doesNotMatch(await chart.locator("desc").textContent(), /^No /);
  await page.getByRole("button", { name: "Show as a table (Items synced per day)" }).click();
  await page.getByRole("table", { name: "Items synced per day" }).waitFor();

  const banner = page.getByRole("region", { name: "Needs your attention" });
  await banner.getByText(/1 item failed in the products sync of “Gift shop”/).waitFor();
  await shots("dashboard");

  // keyboard: the first job's "Sync now" is reachable and starts a run
  await jobs.getByRole("button", { name: "Sync now (Inventory, Gift shop)" }).focus();
  await page.keyboard.press("Enter");
  await page.getByText("Sync of inventory for “Gift shop” started.").waitFor();
  assert.deepEqual(consoleErrors, []);
});

test("retrying a failed item after fixing it in WooCommerce creates it", async () => {
  const { page, consoleErrors } = browser;
  await page.goto(`${baseUrl}/t/${tenantId}`);
  const banner = page.getByRole("region", { name: "Needs your attention" });
  await banner.getByRole("link", { name: "Open the run" }).click();
  await page.getByRole("heading", { level: 1, name: "Products sync run" }).waitFor();
  const failed = page.getByRole("list", { name: "Failed items" }).getByRole("listitem").filter({ hasText: conflicted });
  await failed.getByText("SKU_TYPE_CONFLICT").waitFor();
  assert.match(await failed.innerText(), /Change the WooCommerce product's SKU/);
  await shots("run-failed-item");

  // the merchant gives their own product another SKU, then retries
  await woo("PUT", `products/${conflictingProduct.id}`, { sku: `${conflicted}-BUNDLE` });
  await failed.getByRole("button", { name: `Retry ${conflicted}` }).click();
  await failed.getByText(/Retried: the item went through \(created\)/).waitFor({ timeout: 90000 });
  const created = await woo("GET", "products", undefined).then(() => fetch(
    `${sandboxUrl}/__sandbox/stores/${storeName}/products`).then((r) => r.json()));
  assert.ok(JSON.stringify(created).includes(`"sku":"${conflicted}"`), "the item is in WooCommerce now");
  await shots("run-item-retried", { phone: false });

  await failed.getByRole("link", { name: "Open the new run" }).click();
  await page.getByRole("heading", { level: 1, name: "Products sync run" }).waitFor();
  await page.getByText("No failed items").waitFor();
  assert.deepEqual(consoleErrors, []);
});

test("an order for an item Counterpoint lacks needs attention and is resolved with a note", async () => {
  const { page, consoleErrors } = browser;
  const sku = `NOPE-${Date.now() % 100000}`;
  await woo("POST", "products", { name: "Gift card (not in Counterpoint)", sku, regular_price: "25.00" });
  const order = await sandbox("POST", "/checkout", {
    status: "completed", payment_method: "cod",
    billing: { first_name: "Ada", last_name: "Lovelace", email: "ada@example.org", phone: "+44 20 7946 0018",
      address_1: "12 St James's Square", postcode: "SW1Y 4JH" },
    line_items: [{ sku, quantity: 1 }],
  });
  assert.equal(order.status, 201, JSON.stringify(order.body));
  assert.equal((await api("POST", `/api/tenants/${tenantId}/stores/${siteId}/jobs/ORDERS/runs`, {})).status, 202);
  await until("the order to need attention", async () =>
    (await api("GET", `/api/tenants/${tenantId}/orders?state=NEEDS_ATTENTION`)).body.length === 1);

  await page.goto(`${baseUrl}/t/${tenantId}`);
  const banner = page.getByRole("region", { name: "Needs your attention" });
  await banner.getByText("1 web order needs attention").waitFor({ timeout: 30000 });
  assert.equal(await banner.getByText(/in the orders sync/).count(), 0, "the order is named once, as an order");
  await shots("dashboard-attention", { phone: false });
  await banner.getByRole("link", { name: "See the orders" }).click();
  await page.getByRole("heading", { level: 1, name: "Orders" }).waitFor();
  assert.equal(await page.getByLabel("State").inputValue(), "NEEDS_ATTENTION");
  const orders = page.getByRole("table", { name: "Orders" });
  await orders.getByText(`#${order.body.number}`).waitFor();
  await shots("orders");

  await orders.getByRole("link", { name: `#${order.body.number}` }).click();
  await page.getByRole("heading", { level: 1, name: `Order #${order.body.number}` }).waitFor();
  await page.getByText("This order needs attention").waitFor();
  assert.match(await page.locator(".notice").first().innerText(), new RegExp(sku));
  await shots("order-needs-attention");

  // an empty note is refused with a message, then a real one resolves it
  await page.getByRole("button", { name: "Resolve with this note" }).click();
  await page.getByText(/Say what was done in Counterpoint/).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), "TEXTAREA");
  await page.getByLabel("What was done in Counterpoint").fill("Sold as a gift card at the counter, ticket 1042");
  await page.getByRole("button", { name: "Resolve with this note" }).click();
  await page.getByText(`Order #${order.body.number} resolved.`).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), "H1", "focus goes back to the page's heading");
  const history = page.getByRole("list", { name: "State changes" });
  await history.getByText(/ticket 1042/).waitFor();
  assert.equal(await page.locator(".title-row .status").innerText(), "Done");
  await shots("order-resolved");

  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Orders" }).click();
  await page.getByRole("navigation", { name: "Orders" }).getByRole("link", { name: "Customers" }).click();
  await page.getByRole("heading", { level: 1, name: "Customers" }).waitFor();
  await page.getByRole("list", { name: "Customers" }).getByText("ada@example.org").waitFor();
  await shots("customers");

  // possible matches, read live from Counterpoint: the same email typed differently, the same phone, the same
  // last name and postal code; choosing one fills the customer number
  counterpoint("INSERT INTO AR_CUST (CUST_NO, NAM, FST_NAM, LST_NAM, EMAIL_ADRS_1, PHONE_1, CITY) VALUES"
    + " ('E2E-ADA-2', 'A. Lovelace', 'A.', 'Lovelace', ' ADA@EXAMPLE.ORG ', '020 7946 0018', 'London'),"
    + " ('E2E-ADA-3', 'Anne Milbanke', 'Anne', 'Milbanke', NULL, '(020) 7946-0018', 'Seaham'),"
    + " ('E2E-ADA-4', 'Byron Lovelace', 'Byron', 'Lovelace', NULL, NULL, 'London')");
  counterpoint("UPDATE AR_CUST SET ZIP_COD = 'SW1Y4JH' WHERE CUST_NO = 'E2E-ADA-4'");
  await page.getByRole("button", { name: "Relink ada@example.org" }).click();
  const matches = page.getByRole("list", { name: "Possible matches in Counterpoint" });
  await matches.waitFor({ timeout: 30000 });
  const rows = matches.getByRole("listitem");
  assert.ok((await rows.count()) >= 4, await matches.innerText());
  await matches.getByText("Linked now").waitFor();
  assert.match(await rows.filter({ hasText: "E2E-ADA-2" }).innerText(), /same email, same phone/);
  assert.match(await rows.filter({ hasText: "E2E-ADA-4" }).innerText(), /same last name and postal code/);
  await rows.filter({ hasText: "E2E-ADA-2" }).getByRole("button", { name: /^Choose/ }).click();
  assert.equal(await page.getByLabel("Counterpoint customer number").inputValue(), "E2E-ADA-2");
  for (const dismiss of await page.getByRole("button", { name: "Dismiss notification" }).all()) await dismiss.click();
  await shots("customer-matches");
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("navigation", { name: "Orders" }).getByRole("link", { name: "Allocation" }).click();
  await page.getByRole("heading", { level: 1, name: "Allocation" }).waitFor();
  await page.getByText("Nothing is held", { exact: true }).waitFor();
  await shots("allocations");
  assert.deepEqual(consoleErrors, []);
});
