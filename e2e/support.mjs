// Browser-test helpers: Debian's Chromium driven by playwright-core, axe-core on every page visited, and
// console errors (CSP violations, hydration panics) collected so that each test can fail on them.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export const BASE = process.env.SPIELRAUM_BASE_URL ?? "http://127.0.0.1:3000";

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A fresh browser context and page; `errors` collects console errors and uncaught exceptions. */
export async function openPage(browser, { locale = "de-DE" } = {}) {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(String(error)));
  return { context, page, errors };
}

/** Visits `path` and checks the page against WCAG 2.1 A and AA with axe-core. */
export async function visit(page, path, { status = 200 } = {}) {
  const response = await page.goto(`${BASE}${path}`);
  assert.equal(response.status(), status, `status of ${path}`);
  await assertAccessible(page);
  return response;
}

export async function assertAccessible(page) {
  // Evaluated through the DevTools protocol, so the page's CSP (which allows no foreign script) is untouched.
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
  );
  const report = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`,
  );
  assert.deepEqual(report, [], `accessibility violations on ${page.url()}:\n${report.join("\n")}`);
}

/** Resolves once the wasm bundle has hydrated the page (the frontend marks <html data-hydrated>). */
export async function waitForHydration(page) {
  await page.waitForSelector("html[data-hydrated]", { timeout: 30_000 });
}

/** Signs in through the sign-in page (German labels) and waits until the header greets the user. */
export async function signIn(page, email, { tenant = "dresden", password = "spielraum-demo", expectSuccess = true } = {}) {
  await visit(page, `/${tenant}/sign-in`);
  await waitForHydration(page);
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort").fill(password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  if (expectSuccess) await page.getByRole("button", { name: "Abmelden" }).waitFor();
}

/** The newest email to `address` in the server's outbox, quoted-printable decoded. */
export function latestMail(address) {
  const dir = process.env.SPIELRAUM_MAIL_OUTBOX;
  assert.ok(dir, "SPIELRAUM_MAIL_OUTBOX names the server's outbox");
  const mails = readdirSync(dir)
    .map((name) => join(dir, name))
    .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs)
    .map((path) => decodeQuotedPrintable(readFileSync(path, "utf8")))
    .filter((text) => text.includes(`To: ${address}`));
  assert.ok(mails.length > 0, `a mail to ${address}`);
  return mails.at(-1);
}

function decodeQuotedPrintable(raw) {
  const joined = raw.replace(/=\r?\n/g, "");
  const bytes = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === "=" && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i], "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}
