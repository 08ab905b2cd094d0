// Shared helpers for the end-to-end tests: a fresh headless Debian Chromium (never a downloaded
// browser), console-error capture, screenshots saved as test artifacts, Keycloak admin calls, and the
// mail catcher's inbox (sign-up verifies the email address).
import { chromium } from "playwright-core";
import { mkdtempSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const baseUrl = process.env.E2E_BASE_URL ?? "http://localhost:18085";
export const keycloakUrl = process.env.E2E_KEYCLOAK_URL ?? "http://localhost:18080";
/** The local mail catcher (deploy/local/mail-catcher.sh) that receives every email Keycloak sends. */
export const mailUrl = process.env.E2E_MAIL_URL ?? "http://localhost:18026";
export const artifactsDir = process.env.E2E_ARTIFACTS ?? new URL("./artifacts/", import.meta.url).pathname;

export async function openBrowser() {
  mkdirSync(artifactsDir, { recursive: true });
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "cl-e2e-")), {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors = [];
  page.on("console", (m) => {
    // The browser itself logs every 4xx/5xx a page fetches; expected ones are not app errors.
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => consoleErrors.push(`pageerror: ${e.message}`));
  const screenshot = (name) => page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
  return { context, page, consoleErrors, screenshot };
}

async function adminToken() {
  const response = await fetch(`${keycloakUrl}/realms/master/protocol/openid-connect/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "password", client_id: "admin-cli", username: "admin", password: "admin" }),
  });
  if (!response.ok) throw new Error(`Keycloak admin login failed: ${response.status}`);
  return (await response.json()).access_token;
}

/** Lets the portal client redirect back to the origin under test (the realm ships with :8080 only). */
export async function allowPortalOrigin(origin) {
  const token = await adminToken();
  const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
  const clients = await (await fetch(`${keycloakUrl}/admin/realms/counterlink/clients?clientId=counterlink-portal`, { headers })).json();
  const client = clients[0];
  const redirect = `${origin}/*`;
  if (client.redirectUris.includes(redirect)) return;
  client.redirectUris.push(redirect);
  client.attributes["post.logout.redirect.uris"] = [client.attributes["post.logout.redirect.uris"], redirect].filter(Boolean).join("##");
  const updated = await fetch(`${keycloakUrl}/admin/realms/counterlink/clients/${client.id}`, {
    method: "PUT", headers, body: JSON.stringify(client),
  });
  if (!updated.ok) throw new Error(`could not allow ${origin} in Keycloak: ${updated.status}`);
}

/** Signs a new person up through Keycloak's registration page, ending on "Create your company". */
export async function signUp(page, email, password = "Str0ng-passw0rd!") {
  await page.goto(baseUrl + "/");
  await page.getByRole("button", { name: "Create an account" }).click();
  await page.waitForURL(/\/realms\/counterlink\//);
  await register(page, email, password);
  await verifyEmailFromInbox(page, email);
  await page.getByRole("heading", { name: "Create your company" }).waitFor({ timeout: 30000 });
}

/** Fills and sends Keycloak's registration form (the page must be open). */
export async function register(page, email, password = "Str0ng-passw0rd!") {
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.locator("#password-confirm").fill(password);
  await page.locator("#firstName").fill("Rita");
  await page.locator("#lastName").fill("Retailer");
  await page.locator("input[type=submit], button[type=submit]").first().click();
}

const createCompany = (page) => page.getByRole("heading", { name: "Create your company" });
const verifyEmailPage = (page) => page.getByRole("heading", { name: "Email verification" });

/**
 * After registering, Keycloak holds the person on "verify your email" and mails them a link: read that
 * mail from the mail catcher and open its link in the same browser, as the person would.
 */
export async function verifyEmailFromInbox(page, email) {
  await verifyEmailPage(page).or(createCompany(page)).first().waitFor({ timeout: 30000 });
  if (await createCompany(page).isVisible()) {
    throw new Error(`Keycloak at ${keycloakUrl} let ${email} in without verifying the address: it runs an older realm `
      + "(verifyEmail off); restart it with deploy/keycloak/keycloak-local.sh stop && deploy/keycloak/keycloak-local.sh start");
  }
  await page.goto(await verificationLink(email));
}

/** The link in the "Verify email" message Keycloak sent to EMAIL. */
export async function verificationLink(email) {
  const mail = await mailTo(email);
  const link = mail.text.match(/https?:\/\/\S+\/login-actions\/action-token\S+/)?.[0];
  if (!link) throw new Error(`no verification link in the email to ${email}: ${mail.text}`);
  return link;
}

/** The newest email the mail catcher holds for ADDRESS, waiting for it to arrive. */
export async function mailTo(address, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${mailUrl}/email`).catch((e) => {
      throw new Error(`the mail catcher at ${mailUrl} does not answer (deploy/local/mail-catcher.sh start): ${e.message}`);
    });
    const mails = (await response.json()).filter((m) => (m.to ?? []).some((to) => to.address === address));
    if (mails.length) return mails.sort((a, b) => new Date(b.date) - new Date(a.date))[0];
    if (Date.now() > deadline) throw new Error(`no email to ${address} reached ${mailUrl} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Creates a person directly in Keycloak (e.g. our own support staff with a realm role). */
export async function createKeycloakUser(email, password, realmRoles = []) {
  const token = await adminToken();
  const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
  const base = `${keycloakUrl}/admin/realms/counterlink`;
  const created = await fetch(`${base}/users`, {
    method: "POST", headers,
    body: JSON.stringify({ username: email, email, emailVerified: true, enabled: true, firstName: "Sam", lastName: "Support",
      credentials: [{ type: "password", value: password, temporary: false }] }),
  });
  if (created.status !== 201) throw new Error(`could not create ${email}: ${created.status}`);
  const id = created.headers.get("location").split("/").pop();
  for (const name of realmRoles) {
    const role = await (await fetch(`${base}/roles/${name}`, { headers })).json();
    await fetch(`${base}/users/${id}/role-mappings/realm`, { method: "POST", headers, body: JSON.stringify([role]) });
  }
}

/** Signs in through Keycloak's login page with a password. */
export async function logIn(page, email, password) {
  await page.goto(baseUrl + "/");
  await page.getByRole("button", { name: "Log in" }).click();
  await page.locator("#username").fill(email);
  await page.locator("#password").fill(password);
  await page.locator("#kc-login").click();
}
