// The whole onboarding of a retailer on their own, in Chromium against the real stack: sign up →
// company → the real bridge process connects to the demo Counterpoint → link a WooCommerce sandbox
// store → settings chosen from what Counterpoint lists → leave and come back in a new browser →
// first-sync preview (created / adopted / conflicts) → start → the products are in the store.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { allowPortalOrigin, baseUrl, logIn, openBrowser, signUp } from "./support.mjs";

const repo = new URL("../../", import.meta.url).pathname;
const bridgeJar = join(repo, "onprem-bridge/bridge-agent/target/counterlink-bridge.jar");
const demoJar = join(repo, "onprem-bridge/counterpoint-demo/target/counterpoint-demo.jar");
const counterpointUrl = process.env.E2E_COUNTERPOINT_URL ?? "jdbc:h2:tcp://localhost:19093/counterpoint;MODE=MSSQLServer";
const sandboxUrl = process.env.E2E_SANDBOX_URL ?? "http://127.0.0.1:18091";
const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, "bin/java") : "java";
const password = "Str0ng-passw0rd!";

/** Web items of the demo Counterpoint (not gridded), read with H2's shell as a person would in SSMS. */
function webItems(count) {
  const sql = `SELECT TOP ${count} ITEM_NO FROM IM_ITEM WHERE IS_ECOMM_ITEM = 'Y' AND TRK_METH <> 'G' ORDER BY ITEM_NO`;
  const shell = spawnSync(java, ["-cp", demoJar, "org.h2.tools.Shell", "-url", counterpointUrl, "-user", "sa",
    "-password", "counterpoint", "-sql", sql], { encoding: "utf8", timeout: 60000 });
  assert.equal(shell.status, 0, shell.stderr);
  const items = [...shell.stdout.matchAll(/^([A-Z]{2}-\d{5})\s*$/gm)].map((m) => m[1]);
  assert.equal(items.length, count, shell.stdout);
  return items;
}

/** A sandbox store that already sells one of the items (adopted) and has a variable product on another's SKU (conflict). */
async function sandboxStoreWithProducts(name, adoptSku, conflictSku) {
  const created = await fetch(`${sandboxUrl}/__sandbox/stores`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name, manage_stock: true }),
  });
  const createdBody = await created.text();
  assert.equal(created.status, 201, createdBody);
  const store = JSON.parse(createdBody);
  const settings = await fetch(`${sandboxUrl}/__sandbox/stores/${name}/settings`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ allow_insecure_callbacks: true }),
  });
  assert.equal(settings.status, 200, await settings.text());
  const auth = "Basic " + Buffer.from(`${store.consumer_key}:${store.consumer_secret}`).toString("base64");
  for (const product of [
    { name: "Already on the web", type: "simple", sku: adoptSku, regular_price: "9.99" },
    { name: "Made by hand as a variable product", type: "variable", sku: conflictSku },
  ]) {
    const response = await fetch(`${store.api_url}/products`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: auth, "X-Forwarded-Proto": "https" },
      body: JSON.stringify(product),
    });
    assert.equal(response.status, 201, await response.text());
  }
  return store.base_url;
}

async function sandboxProducts(name) {
  const response = await fetch(`${sandboxUrl}/__sandbox/stores/${name}/products`);
  assert.equal(response.status, 200);
  return response.json();
}

/** Picks the first option Counterpoint listed in a select (not "Choose…" nor a code it doesn't have). */
async function chooseFirstListed(select) {
  const value = await select.evaluate((el) =>
    [...el.options].find((o) => o.value && !o.textContent.includes("not in Counterpoint"))?.value);
  assert.ok(value, "Counterpoint listed nothing to choose");
  await select.selectOption(value);
  return value;
}

async function count(summary, pattern) {
  const text = await summary.innerText();
  const match = text.match(pattern);
  assert.ok(match, `${pattern} not in: ${text}`);
  return Number(match[1]);
}

function enrollArguments(line) {
  const filled = line
    .replace("jdbc:sqlserver://localhost;databaseName=<COMPANY>;encrypt=true;trustServerCertificate=true", counterpointUrl)
    .replace("<SQL_USER>", "sa")
    .replace("<SQL_PASSWORD>", "counterpoint");
  const args = [...filled.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
  assert.deepEqual(args.slice(0, 4), ["java", "-jar", "counterlink-bridge.jar", "enroll"]);
  return args.slice(3);
}

/** Desktop screenshot, then the same page at a phone's width. */
async function shots(page, screenshot, name) {
  await screenshot(`${name}-desktop`);
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .filter((el) => {
        for (let a = el.parentElement; a; a = a.parentElement) if (getComputedStyle(a).overflowX !== "visible") return false;
        return true;
      })
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    return { by: document.documentElement.scrollWidth - width, wide };
  });
  await screenshot(`${name}-phone`);
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.ok(overflow.by <= 0, `${name}: the page is ${overflow.by}px wider than a phone: ${overflow.wide.join(", ")}`);
}

test("a retailer goes from sign-up to products in their store with the setup wizard, leaving and resuming on the way", async () => {
  await allowPortalOrigin(new URL(baseUrl).origin);
  const [adoptSku, conflictSku] = webItems(2);
  const shopName = `wiz${Date.now() % 1000000}`;
  const storeUrl = await sandboxStoreWithProducts(shopName, adoptSku, conflictSku);
  const email = `wizard-owner-${Date.now()}@example.test`;
  const workDir = mkdtempSync(join(tmpdir(), "cl-onboarding-"));
  let browser = await openBrowser();
  let { page, screenshot } = browser;
  const consoleErrors = [];
  let bridge;
  try {
    // sign up and create the company: the wizard opens at installing the bridge
    await signUp(page, email, password);
    await page.getByLabel("Company name").fill(`Wizard Outfitters ${Date.now() % 100000}`);
    await page.getByRole("button", { name: "Create company" }).click();
    await page.waitForURL(/\/setup\/bridge$/);
    await page.getByRole("heading", { level: 1, name: "Install the bridge" }).waitFor();
    const steps = page.getByRole("navigation", { name: "Setup steps" });
    assert.equal(await steps.getByRole("link", { name: /Install the bridge/ }).getAttribute("aria-current"), "step");

    // the bridge: token, the exact command, the real program, and the page turns green
    await page.getByRole("button", { name: "Create a one-time token" }).click();
    const enrollLine = await page.getByTestId("windows-enroll").textContent();
    assert.equal(await page.getByTestId("linux-install").textContent(), "sudo java -jar counterlink-bridge.jar install-service");
    await page.getByTestId("bridge-watch").getByText("Waiting for the bridge to connect…").waitFor();
    await shots(page, screenshot, "40-setup-bridge-waiting");
    const enroll = spawnSync(java, ["-jar", bridgeJar, ...enrollArguments(enrollLine), "--name", "Back office"],
      { cwd: workDir, encoding: "utf8", timeout: 60000 });
    assert.equal(enroll.status, 0, `enroll failed: ${enroll.stdout}\n${enroll.stderr}`);
    bridge = spawn(java, ["-jar", bridgeJar, "run"], { cwd: workDir, stdio: ["ignore", "ignore", "ignore"] });
    await page.getByTestId("setup-bridge-online").waitFor({ timeout: 60000 });
    await page.getByTestId("bridge-watch").getByText(/Connected: Back office/).waitFor({ timeout: 30000 });
    await shots(page, screenshot, "41-setup-bridge-connected");
    await page.getByTestId("setup-bridge-online").getByRole("button", { name: "Continue" }).click();

    // link the store through WooCommerce's approval page; WooCommerce sends us back into the wizard
    await page.waitForURL(/\/setup\/stores/);
    await page.getByLabel("Store URL").fill(storeUrl);
    await page.getByLabel("Store name").fill("Wizard web shop");
    await shots(page, screenshot, "42-setup-link-store");
    await page.getByRole("button", { name: "Link store" }).click();
    await page.waitForURL(/wc-auth\/v1\/authorize/);
    await page.getByRole("link", { name: "Approve" }).click();
    await page.waitForURL(/\/setup\/stores/);
    await page.getByTestId("return-notice").getByText("The store is active.", { exact: true }).waitFor({ timeout: 30000 });
    await page.getByRole("button", { name: "Continue to the store settings" }).waitFor();
    await shots(page, screenshot, "43-setup-store-linked");
    await page.getByRole("button", { name: "Continue to the store settings" }).click();

    // settings, every choice read live from Counterpoint through the bridge
    await page.waitForURL(/\/setup\/settings\?store=/);
    const catalog = page.getByRole("form", { name: "Catalog settings" });
    await catalog.getByRole("checkbox", { name: /^MAIN/ }).check({ timeout: 45000 });
    await catalog.getByRole("checkbox", { name: "Create new products as drafts" }).uncheck();
    await catalog.getByRole("button", { name: "Save settings" }).click();
    await page.getByRole("list", { name: "Settings saved" }).getByText("Catalog settings saved").waitFor({ timeout: 20000 });

    const orders = page.getByRole("form", { name: "Order settings" });
    const storeSelect = orders.getByRole("combobox", { name: "Counterpoint store" });
    await storeSelect.waitFor({ timeout: 45000 });
    // a payment method row without its id: the form says what's wrong before saving anything
    await orders.getByRole("button", { name: "Add a payment method" }).click();
    const shippingCharge = orders.getByRole("combobox", { name: "Misc charge for shipping" });
    const feeCharge = orders.getByRole("combobox", { name: "Misc charge for fees" });
    assert.equal(await shippingCharge.inputValue(), "", "shipping defaults to Counterpoint's e-commerce misc charge");
    assert.equal(await feeCharge.inputValue(), "2");
    await shippingCharge.selectOption({ label: "Misc charge 2" });
    await orders.getByRole("button", { name: "Save order settings" }).click();
    await orders.getByText("Fix the fields marked below, then save again.").waitFor();
    assert.equal(await orders.getByRole("combobox", { name: "WooCommerce payment method 1" }).getAttribute("aria-invalid"), "true");
    await orders.getByText("Enter the payment method's id, or remove the row.").waitFor();
    await orders.getByText("Shipping already uses misc charge 2: choose a different misc charge for fees.").waitFor();
    assert.equal(await feeCharge.getAttribute("aria-invalid"), "true");
    await shots(page, screenshot, "44-setup-settings-validation");
    await storeSelect.selectOption("MAIN");
    assert.equal(await orders.getByRole("combobox", { name: "Station" }).inputValue(), "1");
    await chooseFirstListed(orders.getByRole("combobox", { name: "Drawer" }));
    await chooseFirstListed(orders.getByRole("combobox", { name: "Tax code" }));
    await orders.getByRole("combobox", { name: "Default pay code" }).selectOption("WEB");
    await orders.getByRole("combobox", { name: "WooCommerce payment method 1" }).fill("bacs");
    await orders.getByRole("combobox", { name: "Pay code for bacs" }).selectOption("CASH");
    await feeCharge.selectOption({ label: "Misc charge 3" });
    await orders.getByRole("button", { name: "Save order settings" }).click();
    await page.getByRole("list", { name: "Settings saved" }).getByText("Order settings saved").waitFor({ timeout: 20000 });
    // the form is drawn again from what the server saved
    assert.equal(await shippingCharge.inputValue(), "2");
    assert.equal(await feeCharge.inputValue(), "3");
    await orders.getByTestId("charge-tax-note").getByText(/exactly when WooCommerce charged tax on them/).waitFor();
    await shots(page, screenshot, "45-setup-settings-saved");
    consoleErrors.push(...browser.consoleErrors);
    await browser.context.close();

    // leave, and come back in a new browser: the wizard resumes at the first unfinished step
    browser = await openBrowser();
    ({ page, screenshot } = browser);
    await logIn(page, email, password);
    await page.waitForURL(/\/setup\/preview\?store=/, { timeout: 30000 });
    await page.getByRole("heading", { level: 1, name: "Preview the first sync" }).waitFor();
    const stepper = page.getByRole("navigation", { name: "Setup steps" });
    assert.match(await stepper.getByRole("link", { name: /Store settings/ }).innerText(), /Store settings/);
    assert.ok((await stepper.getByRole("link", { name: /Store settings \(done\)/ }).count()) === 1, "settings show as done");

    // the preview: created / adopted / conflicts, nothing written yet
    await page.getByRole("button", { name: "Run a preview" }).click();
    const summary = page.getByRole("list", { name: "Preview summary" });
    await summary.waitFor({ timeout: 120000 });
    assert.ok((await count(summary, /(\d+) would be created/)) > 0, await summary.innerText());
    assert.equal(await count(summary, /(\d+) would be adopted/), 1, await summary.innerText());
    assert.equal(await count(summary, /(\d+) conflicts/), 1, await summary.innerText());
    assert.equal((await sandboxProducts(shopName)).length, 2, "the preview wrote nothing");
    await shots(page, screenshot, "46-setup-preview");
    await page.getByRole("button", { name: "Continue to start" }).click();

    // start: jobs on, the first products sync runs
    await page.waitForURL(/\/setup\/start\?store=/);
    await page.getByRole("list", { name: "Sync jobs to start" }).getByText(/Off until you start/).first().waitFor();
    await shots(page, screenshot, "47-setup-start");
    await page.getByRole("button", { name: "Start syncing" }).click();
    await page.getByTestId("first-sync").getByText(/First sync\s*(Succeeded|Some items failed)/).waitFor({ timeout: 180000 });
    await shots(page, screenshot, "48-setup-first-sync");

    const products = await sandboxProducts(shopName);
    const skus = products.map((p) => p.sku);
    assert.ok(products.length > 2, `products were created: ${skus.join(", ")}`);
    assert.equal(skus.filter((s) => s === adoptSku).length, 1, "the existing product was adopted, not duplicated");
    assert.ok(products.some((p) => p.sku !== adoptSku && p.sku !== conflictSku && p.status === "publish"), "new products are published");

    await page.getByRole("button", { name: "Finish" }).click();
    await page.getByTestId("setup-done").waitFor();
    await shots(page, screenshot, "49-setup-done");
    consoleErrors.push(...browser.consoleErrors);
    assert.deepEqual(consoleErrors, []);
  } finally {
    if (bridge && bridge.exitCode === null) bridge.kill("SIGKILL");
    await browser.context.close();
  }
});
