// An owner invites a colleague who has no account yet: the colleague opens the link, creates an account
// with the invited address, verifies it with the link Keycloak mails (read from the local mail catcher)
// and joins the company. Accepting needs the invited address verified, so this is the whole real path.
import { test } from "node:test";
import assert from "node:assert/strict";
import { allowPortalOrigin, baseUrl, openBrowser, register, signUp, verifyEmailFromInbox } from "./support.mjs";

test("an invited colleague creates an account, verifies the invited address and joins the company", async () => {
  await allowPortalOrigin(new URL(baseUrl).origin);
  const owner = await openBrowser();
  const colleague = await openBrowser();
  const company = `Invite Outfitters ${Date.now() % 100000}`;
  const colleagueEmail = `colleague-${Date.now()}@example.test`;
  try {
    await signUp(owner.page, `invite-owner-${Date.now()}@example.test`);
    await owner.page.getByLabel("Company name").fill(company);
    await owner.page.getByRole("button", { name: "Create company" }).click();
    await owner.page.getByRole("heading", { name: "Install the bridge", level: 1 }).waitFor({ timeout: 15000 });
    await owner.page.getByRole("navigation", { name: "Company" }).getByRole("link", { name: "Team" }).click();
    await owner.page.getByLabel("Email address").fill(colleagueEmail);
    await owner.page.getByRole("button", { name: "Create invitation link" }).click();
    const link = await owner.page.getByTestId("invitation-link").textContent();
    assert.match(link, /\/invitations\/accept\?token=/);

    // the colleague opens the link in their own browser: sign in first, where they choose to register
    await colleague.page.goto(link);
    await colleague.page.waitForURL(/\/realms\/counterlink\//);
    await colleague.page.getByRole("link", { name: "Register" }).click();
    await register(colleague.page, colleagueEmail);
    await verifyEmailFromInbox(colleague.page, colleagueEmail);

    await colleague.page.getByText(`Welcome to ${company}! You joined as member.`).waitFor({ timeout: 30000 });
    await colleague.page.getByRole("heading", { name: company, level: 1 }).waitFor();
    await colleague.screenshot("30-invited-colleague-joined");

    await owner.page.reload();
    await owner.page.getByRole("list", { name: "Members" }).getByText(colleagueEmail).waitFor({ timeout: 15000 });
    assert.deepEqual([...owner.consoleErrors, ...colleague.consoleErrors], []);
  } finally {
    await owner.context.close();
    await colleague.context.close();
  }
});
