// Our support person finds a retailer's company, acts as it with a reason under an unmistakable
// banner, and the retailer sees the session and every step in their Activity page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { allowPortalOrigin, baseUrl, createKeycloakUser, logIn, openBrowser, signUp } from "./support.mjs";

test("support acts as a company with a reason, and the company sees it in its activity", async () => {
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
    await staff.page.getByRole("button", { name: "Search" }).click();
    await staff.page.getByRole("button", { name: /Act as this company/ }).first().click();
    await staff.page.getByLabel("Reason").fill("Ticket 4711: stock is not updating on the web");
    await staff.page.getByRole("button", { name: "Start support session" }).click();
    await staff.page.getByRole("heading", { name: company, level: 1 }).waitFor({ timeout: 15000 });
    await staff.page.getByText(/Support session: acting as/).first().waitFor();
    await staff.screenshot("30-support-acting-as");

    await retailer.page.getByRole("link", { name: "Activity" }).first().click();
    await retailer.page.getByText(/Ticket 4711/).first().waitFor({ timeout: 15000 });
    await retailer.screenshot("31-retailer-sees-support-activity");

    await staff.page.getByRole("button", { name: "End session" }).click();
    await staff.page.getByRole("heading", { name: "Support console" }).waitFor({ timeout: 15000 });
    const ended = await staff.page.goto(baseUrl + new URL(retailer.page.url()).pathname.replace(/\/activity$/, ""));
    assert.ok(ended.ok());
    await staff.page.getByText(/not found|no access|doesn.t exist/i).first().waitFor({ timeout: 15000 });
    assert.deepEqual(retailer.consoleErrors, []);
  } finally {
    await retailer.context.close();
    await staff.context.close();
  }
});
