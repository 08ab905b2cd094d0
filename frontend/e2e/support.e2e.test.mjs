// Our support person finds a retailer's company (with a reason), opens a read-only session with a reason
// under an unmistakable banner; the retailer sees the session on every page and in their Activity page,
// and ends it; support is out at once.
import { test } from "node:test";
import assert from "node:assert/strict";
import { allowPortalOrigin, baseUrl, createKeycloakUser, logIn, openBrowser, signUp } from "./support.mjs";

test("support looks into a company with a reason, the company sees it and its owner ends it", async () => {
  await allowPortalOrigin(new URL(baseUrl).origin);
  const company = `Helped Retail ${Date.now() % 1000000}`;
  const staffEmail = `support-${Date.now()}@counterlink.test`;
  await createKeycloakUser(staffEmail, "Supp0rt-passw0rd!", ["vendor-support"]);

  const retailer = await openBrowser();
  const staff = await openBrowser();
  try {
    await signUp(retailer.page, `helped-${Date.now()}@example.test`);
    await retailer.page.getByLabel("Company name").fill(company);
    await retailer.page.getByRole("button", { name: "Create company" }).click();
    await retailer.page.getByRole("heading", { name: "Install the bridge", level: 1 }).waitFor({ timeout: 15000 });

    await logIn(staff.page, staffEmail, "Supp0rt-passw0rd!");
    await staff.page.waitForURL((url) => url.origin === new URL(baseUrl).origin && !url.pathname.startsWith("/auth/"), { timeout: 30000 });
    // staff without companies of their own land on the support console
    await staff.page.getByRole("heading", { name: "Support console" }).waitFor({ timeout: 30000 });
    await staff.page.getByLabel("Company name").fill(company);
    await staff.page.getByLabel("Reason for searching").fill("Ticket 4711: find the retailer's company");
    await staff.page.getByRole("button", { name: "Search" }).click();
    await staff.page.getByRole("button", { name: /Act as this company/ }).first().click();
    await staff.page.getByLabel("Reason", { exact: true }).fill("Ticket 4711: stock is not updating on the web");
    await staff.page.getByRole("button", { name: "Start support session" }).click();
    await staff.page.getByRole("heading", { name: company, level: 1 }).waitFor({ timeout: 15000 });
    await staff.page.getByText(/Support session: acting as/).first().waitFor();
    await staff.page.getByTestId("support-mode").getByText("read-only").waitFor();
    await staff.screenshot("30-support-acting-as");

    await retailer.page.reload();
    const notice = retailer.page.getByTestId("company-support-notice");
    await notice.getByText(/Counterlink support .* is in your company/).waitFor({ timeout: 15000 });
    await retailer.page.getByRole("link", { name: "Activity" }).first().click();
    // the log itself, not the banner above it, names the session's reason
    await retailer.page.getByRole("table", { name: "Activity log" }).getByText(/Ticket 4711/).first().waitFor({ timeout: 15000 });
    await retailer.screenshot("31-retailer-sees-support-activity");

    await notice.getByRole("button", { name: /End session/ }).click();
    await retailer.page.getByText(/Support session ended/).first().waitFor({ timeout: 15000 });
    await staff.page.reload();
    await staff.page.getByRole("heading", { name: "No access to this company" }).waitFor({ timeout: 15000 });
    await staff.page.getByText(/The company ended your support session/).waitFor();
    assert.deepEqual(retailer.consoleErrors, []);
  } finally {
    await retailer.context.close();
    await staff.context.close();
  }
});
