// A retailer's owner issues a one-time token in the portal, runs the real bridge program with the
// exact enroll command shown (filled in with the demo Counterpoint database), and watches the page
// turn green when the bridge connects; revoking it stops the bridge.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { allowPortalOrigin, baseUrl, openBrowser, signUp } from "./support.mjs";

const repo = new URL("../../", import.meta.url).pathname;
const bridgeJar = join(repo, "onprem-bridge/bridge-agent/target/counterlink-bridge.jar");
const counterpointUrl = process.env.E2E_COUNTERPOINT_URL ?? "jdbc:h2:tcp://localhost:19093/counterpoint;MODE=MSSQLServer";
const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, "bin/java") : "java";

/** The portal's enroll line with the placeholders a retailer fills in, as arguments. */
function enrollArguments(line) {
  const filled = line
    .replace("jdbc:sqlserver://localhost;databaseName=<COMPANY>;encrypt=true;trustServerCertificate=true", counterpointUrl)
    .replace("<SQL_USER>", "sa")
    .replace("<SQL_PASSWORD>", "counterpoint");
  const args = [...filled.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
  assert.deepEqual(args.slice(0, 4), ["java", "-jar", "counterlink-bridge.jar", "enroll"]);
  return args.slice(3);
}

test("an owner installs the bridge from the portal and sees it connect, then revokes it", async () => {
  await allowPortalOrigin(new URL(baseUrl).origin);
  const { context, page, consoleErrors, screenshot } = await openBrowser();
  const workDir = mkdtempSync(join(tmpdir(), "cl-bridge-"));
  let bridge;
  try {
    await signUp(page, `bridge-owner-${Date.now()}@example.test`);
    await page.getByLabel("Company name").fill(`Bridge Retail ${Date.now() % 100000}`);
    await page.getByRole("button", { name: "Create company" }).click();
    await page.getByRole("heading", { name: "Install the bridge", level: 1 }).waitFor({ timeout: 15000 });
    await page.getByRole("navigation", { name: "Company" }).getByRole("link", { name: "Bridge", exact: true }).click();
    await page.getByRole("button", { name: "Create a one-time token" }).click();
    const enrollLine = await page.getByTestId("windows-enroll").textContent();
    await screenshot("10-bridge-token");

    const enroll = spawnSync(java, ["-jar", bridgeJar, ...enrollArguments(enrollLine), "--name", "Back office"],
      { cwd: workDir, encoding: "utf8", timeout: 60000 });
    assert.equal(enroll.status, 0, `enroll failed: ${enroll.stdout}\n${enroll.stderr}`);

    bridge = spawn(java, ["-jar", bridgeJar, "run"], { cwd: workDir, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    bridge.stdout.on("data", (d) => (output += d));
    bridge.stderr.on("data", (d) => (output += d));

    await page.getByText(/Connected: Back office/).waitFor({ timeout: 60000 });
    await screenshot("11-bridge-connected");

    await page.getByRole("button", { name: /Revoke/ }).first().click();
    await page.getByRole("dialog").getByRole("button", { name: /Revoke/ }).click();
    await page.getByText(/Revoked/).first().waitFor({ timeout: 15000 });
    const exitCode = await new Promise((resolve) => {
      const timer = setTimeout(() => resolve("still running"), 60000);
      bridge.on("exit", (code) => { clearTimeout(timer); resolve(code); });
    });
    assert.equal(exitCode, 3, `a revoked bridge stops with exit code 3 instead of retrying; output:\n${output}`);
    assert.match(output, /revoked/i);
    await screenshot("12-bridge-revoked");
    assert.deepEqual(consoleErrors, []);
  } finally {
    if (bridge && bridge.exitCode === null) bridge.kill("SIGKILL");
    await context.close();
  }
});
