// Drives the built portal against dev/mock-server.mjs in a real headless
// Chromium (system browser; nothing is downloaded) and saves screenshots.
//
//   npm run build && node dev/mock-server.mjs 4000 &
//   CHROMIUM=/usr/bin/chromium node dev/smoke.mjs http://localhost:4000 /tmp/shots
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";

const base = process.argv[2] ?? "http://localhost:4000";
const out = process.argv[3] ?? "/tmp/counterlink-shots";
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
const problems = [];
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
page.on("console", (m) => {
  if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
});
page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
const shot = (name) => page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
const step = (msg) => console.log(`✓ ${msg}`);

await page.goto(base + "/");
await page.getByRole("heading", { name: "Counterlink", level: 1 }).waitFor();
await shot("1-landing");
step("landing");

await page.getByRole("button", { name: "Create an account" }).click();
await page.getByRole("heading", { name: "Create your company" }).waitFor();
step("sign-up -> callback -> onboarding");

await page.getByRole("button", { name: "Create company" }).click();
await page.getByText("Enter your company name.").waitFor();
await page.getByLabel("Company name").fill("Will fail");
await page.getByRole("button", { name: "Create company" }).click();
await page.getByText("The mock server rejects names containing 'fail'").waitFor();
await shot("2-onboarding-error");
step("server field error shown");

await page.getByLabel("Company name").fill("Acme Outfitters");
await page.keyboard.press("Enter");
await page.getByRole("heading", { name: "Install the bridge", level: 1 }).waitFor();
await shot("3-setup-wizard");
step("setup wizard " + new URL(page.url()).pathname);
await page.getByRole("navigation", { name: "Company" }).getByRole("link", { name: "Overview" }).click();
await page.getByRole("heading", { name: "Acme Outfitters", level: 1 }).waitFor();
await page.getByText("Ada Lovelace").waitFor();
await shot("3-tenant");
step("tenant page " + new URL(page.url()).pathname);

await page.getByRole("link", { name: "New company" }).click();
await page.getByLabel("Company name").fill("Acme Outfitters");
await page.getByRole("button", { name: "Create company" }).click();
await page.getByText(/already taken/).waitFor();
step("409 shown");
await page.getByLabel("Company name").fill("Beta Bikes");
await page.getByRole("button", { name: "Create company" }).click();
await page.getByRole("heading", { name: "Install the bridge", level: 1 }).waitFor();
await page.getByRole("navigation", { name: "Company" }).getByRole("link", { name: "Overview" }).click();
await page.getByRole("heading", { name: "Beta Bikes", level: 1 }).waitFor();
await page.getByLabel("Switch company").selectOption({ label: "Acme Outfitters" });
await page.getByRole("heading", { name: "Acme Outfitters", level: 1 }).waitFor();
step("switcher");

await page.setViewportSize({ width: 390, height: 844 });
await shot("4-tenant-phone");
await page.goto(base + "/t/00000000-0000-0000-0000-000000000000");
await page.getByRole("heading", { name: "Company not found" }).waitFor();
await shot("5-not-found-phone");
await page.setViewportSize({ width: 1280, height: 800 });

await page.goto(base + "/auth/callback");
await page.getByRole("heading", { name: "Acme Outfitters", level: 1 }).waitFor();
step("reloaded callback with a live session still routes on");

await page.getByRole("button", { name: "Log out" }).click();
await page.getByRole("button", { name: "Log in" }).waitFor();
step("logout");

// Keyboard: tab to "Log in".
await page.keyboard.press("Tab");
const focused = await page.evaluate(() => document.activeElement?.textContent);
step(`first tab stop on landing: ${focused}`);

// A protected URL sends a guest to sign-in and comes back to it.
const acme = (await page.evaluate(() => localStorage.getItem("counterlink.lastTenantId")));
await page.goto(`${base}/t/${acme}`);
await page.getByRole("heading", { name: "Acme Outfitters", level: 1 }).waitFor();
step("deep link as guest -> login -> back to " + new URL(page.url()).pathname);

await browser.close();
// The browser itself logs the expected 400/404/409 answers; anything else fails.
const unexpected = problems.filter((p) => !/Failed to load resource: the server responded with a status of (400|404|409)/.test(p));
console.log(unexpected.length ? `console problems:\n${unexpected.join("\n")}` : "no console errors");
process.exit(unexpected.length ? 1 : 0);
