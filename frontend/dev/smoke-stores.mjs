// Drives the Stores, Team and invitation pages against dev/mock-server.mjs in the
// system Chromium (nothing is downloaded), at 1280 px and 390 px, saving screenshots.
//
//   npm run build && node dev/mock-server.mjs 4000 &
//   CHROMIUM=/usr/bin/chromium node dev/smoke-stores.mjs http://localhost:4000 /tmp/shots
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";

const base = process.argv[2] ?? "http://localhost:4000";
const out = process.argv[3] ?? "/tmp/counterlink-shots";
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
const problems = [];
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
const page = await context.newPage();
page.on("console", (m) => {
  if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
});
page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
const shot = async (name) => {
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 0) problems.push(`horizontal overflow of ${overflow}px at 390 px on ${name}`);
  await page.screenshot({ path: `${out}/${name}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
};
const step = (msg) => console.log(`✓ ${msg}`);

await page.goto(base + "/");
await page.getByRole("button", { name: "Create an account" }).click();
await page.waitForURL((u) => !u.pathname.startsWith("/auth/") && u.pathname !== "/");
await page.goto(base + "/onboarding/company");
await page.getByLabel("Company name").fill(`Smoke ${Date.now()}`);
await page.getByRole("button", { name: "Create company" }).click();
await page.getByRole("heading", { name: "Install the bridge", level: 1 }).waitFor();
await page.getByRole("navigation", { name: "Company" }).getByRole("link", { name: "Overview" }).click();
await page.getByRole("region", { name: "Stores" }).getByText("No stores linked yet").waitFor();
step("company created; overview Stores card empty");

// Link a store -> fake WooCommerce approval -> back with success=1 -> active.
await page.getByRole("navigation", { name: "Company" }).getByRole("link", { name: "Stores" }).click();
await page.getByRole("heading", { name: "Stores", level: 1 }).waitFor();
await page.getByRole("button", { name: "Link store" }).click();
await page.getByText("Enter the address of your store.").waitFor();
await page.getByLabel("Store URL").fill("shop.example.com");
await page.getByLabel("Store name").fill("Main web shop");
await shot("s1-stores-link");
await page.getByRole("button", { name: "Link store" }).click();
await page.getByRole("heading", { name: /would like to connect/ }).waitFor();
step("redirected to the (mock) WooCommerce approval page");
await page.locator("#approve").click();
await page.getByText("Approved — Counterlink now has access").waitFor();
if (new URL(page.url()).search) problems.push("success/user_id left in the address");
await page.getByText(/^The store is active\./).waitFor({ timeout: 15000 });
step("approved; store became active after polling");

await page.getByRole("button", { name: "Test connection" }).click();
await page.getByRole("list", { name: "Connection checks" }).waitFor();
await page.getByText("How to fix: Update WooCommerce to 7.9 or later").waitFor();
step("connection checklist");

const products = page.getByRole("list", { name: "Sync jobs" }).getByRole("listitem", { name: "Products" });
await products.getByRole("button", { name: "Edit schedule" }).click();
await products.getByLabel("Interval in seconds").fill("5");
await products.getByRole("button", { name: "Save schedule" }).click();
await products.getByText("Run at most every 10 seconds").waitFor();
await shot("s2-job-error");
await products.getByLabel("Interval in seconds").fill("600");
await products.getByRole("button", { name: "Save schedule" }).click();
await products.getByText("On · every 10 minutes").waitFor();
step("job schedule validation + save");

await products.getByRole("button", { name: "Sync now" }).click();
await products.getByText("Some items failed").waitFor({ timeout: 15000 });
step("sync now -> run finished (partial)");
await page.getByRole("button", { name: "Repair webhooks" }).click();
await page.getByText("Webhooks repaired.").waitFor();
await shot("s3-store");

await products.getByRole("link", { name: "View run details" }).click();
await page.getByRole("heading", { name: "Products sync run" }).waitFor();
await page.getByText("What to do").first().waitFor();
await shot("s4-run");
step("run detail with action hints");

// Manual keys + removal on a second, declined store.
await page.getByRole("link", { name: "Stores" }).first().click();
await page.getByLabel("Store URL").fill("https://outlet.example.com");
await page.getByLabel("Store name").fill("Outlet");
await page.getByRole("button", { name: "Link store" }).click();
await page.locator("#deny").click();
await page.getByText("You declined access; link again or enter keys by hand").waitFor();
await page.getByLabel("Consumer key").fill("ck_bad");
await page.getByLabel("Consumer secret").fill("cs_0123456789abcdefghij0123");
await page.getByRole("button", { name: "Save keys" }).click();
await page.getByText("must be a WooCommerce consumer key (ck_…)").waitFor();
await shot("s5-declined-keys");
await page.getByLabel("Consumer key").fill("ck_0123456789abcdefghij0123");
await page.getByRole("button", { name: "Save keys" }).click();
await page.getByText("Keys saved.", { exact: false }).waitFor();
step("declined -> manual keys (field error, then saved)");
await page.getByRole("button", { name: "Remove store" }).click();
await page.keyboard.press("Tab");
await page.getByRole("dialog").getByRole("button", { name: "Remove store" }).click();
await page.getByRole("heading", { name: "Stores", level: 1 }).waitFor();
step("store removed");

// Team: invite, role change, last-owner conflict.
await page.getByRole("navigation", { name: "Company" }).getByRole("link", { name: "Team" }).click();
await page.getByRole("heading", { name: "Team", level: 1 }).waitFor();
await page.getByLabel("Role of Bob Builder").selectOption("owner");
await page.getByText("Bob Builder is now an owner.").waitFor();
await page.getByLabel("Role of Bob Builder").selectOption("member");
await page.getByLabel("Role of Ada Lovelace").selectOption("member");
await page.getByText(/A company needs at least one owner/).waitFor();
step("role change + last-owner 409");
await page.getByLabel("Email address").fill("bob@example.com");
await page.getByRole("button", { name: "Create invitation link" }).click();
await page.getByText(/already a member/).waitFor();
await page.getByLabel("Email address").fill("carol@example.com");
await page.getByRole("button", { name: "Create invitation link" }).click();
const link = await page.getByTestId("invitation-link").textContent();
await page.getByRole("button", { name: "Copy invitation link" }).click();
await shot("s6-team");
step("invitation link shown once");

// Accept as ada an invitation for carol: the "other address" page (the 200 path is in the unit tests).
await page.goto(link);
await page.getByRole("button", { name: "Log out and sign in as that address" }).waitFor();
await shot("s7-accept-other-address");
step("accept for another address -> 403 page");
await page.goto(base + "/invitations/accept?token=nope");
await page.getByText("This invitation is not valid any more: ask the company's owner for a new one").waitFor();
await shot("s8-accept-invalid");
step("invalid invitation");

await browser.close();
const unexpected = problems.filter((p) => !/Failed to load resource: the server responded with a status of (400|403|404|409)/.test(p));
console.log(unexpected.length ? `problems:\n${unexpected.join("\n")}` : "no console errors, no overflow at 390 px");
process.exit(unexpected.length ? 1 : 0);
