// A retailer links a WooCommerce store through WooCommerce's own approval page (the sandbox,
// running as its own process), comes back to the portal, and tests the connection.
import { test } from "node:test";
import assert from "node:assert/strict";
import { allowPortalOrigin, baseUrl, openBrowser, signUp } from "./support.mjs";

const sandboxUrl = process.env.E2E_SANDBOX_URL ?? "http://127.0.0.1:18091";

async function newSandboxStore(name) {
  const response = await fetch(`${sandboxUrl}/__sandbox/stores`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name, manage_stock: true }),
  });
  assert.equal(response.status, 201, await response.text());
  // the local backend receives WooCommerce's callback over http, which real WooCommerce refuses
  const settings = await fetch(`${sandboxUrl}/__sandbox/stores/${name}/settings`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ allow_insecure_callbacks: true }),
  });
  assert.equal(settings.status, 200, await settings.text());
  return `${sandboxUrl}/store/${name}`;
}

test("a retailer links a store through WooCommerce's approval page and tests the connection", async () => {
  await allowPortalOrigin(new URL(baseUrl).origin);
  const storeUrl = await newSandboxStore(`shop${Date.now() % 1000000}`);
  const { context, page, consoleErrors, screenshot } = await openBrowser();
  try {
    await signUp(page, `stores-owner-${Date.now()}@example.test`);
    await page.getByLabel("Company name").fill(`Store Retail ${Date.now() % 100000}`);
    await page.getByRole("button", { name: "Create company" }).click();
    await page.getByRole("heading", { name: "Install the bridge", level: 1 }).waitFor({ timeout: 15000 });
    await page.getByRole("navigation", { name: "Company" }).getByRole("link", { name: "Stores", exact: true }).click();
    await page.getByLabel("Store URL").fill(storeUrl);
    await page.getByLabel("Store name").fill("Gift shop");
    await screenshot("20-link-store");
    await page.getByRole("button", { name: "Link store" }).click();

    await page.waitForURL(/wc-auth\/v1\/authorize/);
    await screenshot("21-woocommerce-approval");
    await page.getByRole("link", { name: "Approve" }).click();

    await page.getByText(/Approved/).first().waitFor({ timeout: 20000 });
    await page.getByRole("button", { name: "Test connection" }).click();
    const checks = page.getByRole("list", { name: "Connection checks" });
    await checks.waitFor({ timeout: 30000 });
    await screenshot("22-store-connected");
    assert.equal(await checks.locator(".check-fail").count(), 0, await checks.innerText());
    assert.ok(await checks.locator(".check-pass").count() >= 4, await checks.innerText());
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});
