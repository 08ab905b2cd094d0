// A person who has never heard of us signs up in the real Keycloak, verifies their email with the link
// Keycloak mails (read from the local mail catcher), creates their company and sees it in the portal
// served by the real backend.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { allowPortalOrigin, artifactsDir, baseUrl, mailTo, mailUrl, openBrowser, verificationLink } from "./support.mjs";

test("a new retailer signs up, verifies their email, creates their company and sees it", async () => {
  await allowPortalOrigin(new URL(baseUrl).origin);
  const { context, page, consoleErrors, screenshot } = await openBrowser();
  const email = `retailer-${Date.now()}@example.test`;
  const company = `Harbor Outfitters ${Date.now() % 100000}`;
  try {
    await page.goto(baseUrl + "/");
    await page.getByRole("heading", { name: "Counterlink", level: 1 }).waitFor();
    await screenshot("01-landing");

    await page.getByRole("button", { name: "Create an account" }).click();
    await page.waitForURL(/\/realms\/counterlink\//);
    await page.locator("#email").fill(email);
    await page.locator("#password").fill("Str0ng-passw0rd!");
    await page.locator("#password-confirm").fill("Str0ng-passw0rd!");
    await page.locator("#firstName").fill("Rita");
    await page.locator("#lastName").fill("Retailer");
    await screenshot("02-keycloak-registration");
    await page.locator("input[type=submit], button[type=submit]").first().click();

    // Nobody gets in before proving the address: Keycloak holds the person here and mails them a link.
    await page.getByRole("heading", { name: "Email verification" }).waitFor({ timeout: 30000 });
    await page.getByText(email).first().waitFor();
    await screenshot("03-verify-your-email");
    const mail = await mailTo(email);
    assert.equal(mail.subject, "Verify email");
    assert.equal(mail.from[0].address, "no-reply@counterlink.local");
    const inbox = await context.newPage();
    await inbox.goto(`${mailUrl}/#/email/${mail.id}`);
    await inbox.frameLocator("iframe.panel-html").getByRole("link", { name: "Link to e-mail address verification" }).waitFor();
    await inbox.screenshot({ path: join(artifactsDir, "04-mail-catcher-inbox.png") });
    await inbox.close();

    // The link, opened in a new tab as a mail program does, lets them in there; the tab that waited on
    // "Email verification" follows (Keycloak tells it the sign-in finished elsewhere and the portal signs in again).
    const verified = await context.newPage();
    await verified.goto(await verificationLink(email));
    await verified.getByRole("heading", { name: "Create your company" }).waitFor({ timeout: 30000 });
    await verified.close();
    await page.getByRole("heading", { name: "Create your company" }).waitFor({ timeout: 30000 });
    await screenshot("05-create-company");

    await page.getByRole("button", { name: "Create company" }).click();
    await page.getByText(/company name/i).first().waitFor();

    await page.getByLabel("Company name").fill(company);
    await page.getByRole("button", { name: "Create company" }).click();
    // a new company goes on with the setup wizard; its overview is one click away
    await page.getByRole("heading", { name: "Install the bridge", level: 1 }).waitFor({ timeout: 15000 });
    assert.match(new URL(page.url()).pathname, /^\/t\/[0-9a-f-]{36}\/setup\/bridge$/);
    await page.getByRole("navigation", { name: "Company" }).getByRole("link", { name: "Overview" }).click();
    await page.getByRole("heading", { name: company, level: 1 }).waitFor({ timeout: 15000 });
    assert.match(new URL(page.url()).pathname, /^\/t\/[0-9a-f-]{36}$/);
    await page.getByText(email).first().waitFor();
    await screenshot("06-tenant-overview");

    // The page is reachable by URL: a reload keeps the person signed in on the same company.
    await page.reload();
    await page.getByRole("heading", { name: company, level: 1 }).waitFor({ timeout: 15000 });

    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot("07-tenant-overview-phone");
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});
