// Calls for expressions of interest in a real browser: the public pages with a live countdown, and the
// administration creating a draft.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { BASE, launch, openPage, visit, waitForHydration, assertAccessible } from "./support.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

describe("public call pages", () => {
  test("list the calls and show an open call with a countdown that ticks", async () => {
    const { context, page, errors } = await openPage(browser);
    await visit(page, "/dresden/calls");
    await page.locator("#call-list").getByRole("link", { name: "Sozialraumkoordinationsstellen ab 2027" }).click();
    await page.getByRole("heading", { level: 1, name: "Sozialraumkoordinationsstellen ab 2027" }).waitFor();
    await assertAccessible(page);
    await waitForHydration(page);
    const timer = page.getByRole("timer");
    const first = await timer.innerText();
    assert.match(first, /Verbleibende Zeit: \d+ Tage/);
    await page.waitForFunction((before) => document.querySelector("[role=timer]").innerText !== before, first, {
      timeout: 5000,
    });
    assert.equal(await page.locator("#lot-list li").count(), 20);
    await page.locator("#question-list .question-label").getByText("Gemeinwesenarbeit").waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe("the administration's calls", () => {
  test("creates a steering call draft pre-filled with the questions of §4a and §4b", async () => {
    const { context, page, errors } = await openPage(browser);
    await visit(page, "/musterstadt/sign-in");
    await waitForHydration(page);
    await page.getByLabel("E-Mail-Adresse").fill("admin@musterstadt.demo");
    await page.getByLabel("Passwort").fill("spielraum-demo");
    await page.getByRole("button", { name: "Anmelden" }).click();
    await page.getByRole("button", { name: "Abmelden" }).waitFor();

    await page.goto(`${BASE}/musterstadt/admin/calls`);
    await waitForHydration(page);
    await assertAccessible(page);
    await page.getByLabel("Modul").selectOption("steering");
    await page.getByLabel("Titel").fill("Steuerungsmodul Musterstadt");
    await page.getByLabel("Beginn (Datum und Uhrzeit, Berlin)").fill("2027-01-04T09:00");
    await page.getByLabel("Frist (Datum und Uhrzeit, Berlin)").fill("2027-02-01T12:00");
    await page.getByLabel("Entscheidung im Jugendhilfeausschuss am").fill("2027-03-15");
    await page.getByRole("button", { name: "Entwurf anlegen" }).click();
    await page.getByRole("heading", { level: 1, name: "Steuerungsmodul Musterstadt" }).waitFor();
    await page.locator("#admin-question-list").getByText("Erfahrungstransfer").waitFor();
    await assertAccessible(page);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
