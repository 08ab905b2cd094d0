// Drives the support console, the "acting as" banner and the Activity page against
// dev/mock-server.mjs started with MOCK_STAFF=1 (Ada is Counterlink staff; "Beta Bikes" exists),
// in the system Chromium at 1280 px and 390 px, saving screenshots. Fails on console errors
// or horizontal overflow.
//
//   npm run build && MOCK_STAFF=1 node dev/mock-server.mjs 4000 &
//   CHROMIUM=/usr/bin/chromium node dev/smoke-support.mjs http://localhost:4000 /tmp/shots
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";

const base = process.argv[2] ?? "http://localhost:4000";
const out = process.argv[3] ?? "/tmp/counterlink-shots";
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
const problems = [];
const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
page.on("console", (m) => {
  if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
});
page.on("response", (r) => { if (r.status() >= 400) console.log(`  (${r.status()} ${r.request().method()} ${new URL(r.url()).pathname})`); });
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
await page.getByRole("button", { name: "Log in" }).click();
await page.getByRole("heading", { name: "Support console", level: 1 }).waitFor();
step("staff without companies lands on the support console");

await page.getByLabel("Reason for searching").fill("Ticket 4711: find Beta Bikes");
await page.getByLabel("Company name").fill("beta");
await page.keyboard.press("Enter");
const results = page.getByRole("list", { name: "Companies" });
await results.waitFor();
await results.getByRole("button", { name: /Act as this company/ }).click();
const form = page.getByRole("form", { name: "Act as Beta Bikes" });
await form.getByLabel("Reason").fill("This will fail on the server");
await form.getByLabel("Duration").selectOption("60");
await shot("u1-support-form");
await form.getByRole("button", { name: "Start support session" }).click();
await form.getByText("The mock server rejects reasons containing 'fail'").waitFor();
step("server validation error shown under Reason");
await form.getByLabel("Reason").fill("Ticket 4711: prices for the spring collection do not reach WooCommerce, checking the pricing job");
await form.getByRole("button", { name: "Start support session" }).click();
await page.getByRole("heading", { name: "Beta Bikes", level: 1 }).waitFor();
const banner = page.getByTestId("support-banner");
await banner.getByText("You are not a member of Beta Bikes").waitFor();
step("acting as Beta Bikes, banner loud on the company");
await shot("u2-acting-overview");

await page.getByRole("navigation", { name: "Company" }).getByRole("link", { name: "Activity" }).click();
await page.getByRole("table", { name: "Activity log" }).getByText(/Counterlink support: support session/).first().waitFor();
await page.getByRole("list", { name: "Support sessions" }).waitFor();
step("activity page marks the support actions");
await shot("u3-activity");

await page.getByRole("banner").getByRole("link", { name: "Support console" }).click();
await page.getByRole("heading", { name: "Support console", level: 1 }).waitFor();
if ((await banner.getAttribute("data-acting-here")) !== "false") problems.push("banner should be calm on the console");
await shot("u4-console-with-session");

await page.goto(base + "/t/" + new URL(await page.getByRole("link", { name: /Open company/ }).first().evaluate((a) => a.href)).pathname.split("/")[2]);
await page.getByRole("heading", { name: "Beta Bikes", level: 1 }).waitFor();
await page.getByRole("list", { name: "Members" }).waitFor();
await banner.getByRole("button", { name: "End session" }).click();
await page.getByRole("heading", { name: "Support console", level: 1 }).waitFor();
await page.getByTestId("support-banner").waitFor({ state: "detached" });
step("End session → back on the console, banner gone");
await shot("u5-ended");

await browser.close();
// The browser logs the expected 400 (validation) as a failed resource; anything else is a problem.
const unexpected = problems.filter((p) => !/Failed to load resource: the server responded with a status of 400/.test(p));
if (unexpected.length) {
  console.error(unexpected.join("\n"));
  process.exit(1);
}
console.log(`screenshots in ${out}`);
