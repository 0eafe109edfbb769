// The administration's workspace in a real browser, and each role's navigation.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { BASE, launch, openPage, visit, waitForHydration, assertAccessible, signIn } from "./support.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const mainNav = (page) => page.getByRole("navigation", { name: "Hauptnavigation" });

describe("each role's navigation", () => {
  const common = ["Übersicht", "Aufrufe", "Stadträume"];
  for (const [email, hasAdmin, own] of [
    ["admin@dresden.demo", true, ["Stellen", "Controlling", "Berichte", "Steuerungsgruppe", "Austausch", "Verwaltung"]],
    ["steuerung1@dresden.demo", false, ["Stellen", "Controlling", "Berichte", "Steuerungsgruppe", "Austausch"]],
    ["traeger1@dresden.demo", false, ["Interessenbekundungen", "Organisation", "Berichte", "Aufträge"]],
    ["koordination1@dresden.demo", false, ["Berichte", "Aufträge", "Austausch"]],
    ["bezirk1@dresden.demo", false, ["Berichte"]],
  ]) {
    test(`${email} ${hasAdmin ? "sees" : "does not see"} the administration`, async () => {
      const { context, page, errors } = await openPage(browser);
      await signIn(page, email);
      const links = await mainNav(page).getByRole("link").allInnerTexts();
      assert.deepEqual(links, [...common, ...own]);
      await page.getByRole("link", { name: "Benachrichtigungen" }).waitFor();
      if (!hasAdmin) {
        const response = await page.goto(`${BASE}/dresden/admin/users`);
        assert.equal(response.status(), 403);
        await page.getByRole("heading", { level: 1, name: "Kein Zugriff" }).waitFor();
        await assertAccessible(page);
      }
      // The browser reports the 403 we asked for as a failed resource load; anything else is a fault.
      assert.deepEqual(errors.filter((e) => !e.includes("status of 403")), []);
      await context.close();
    });
  }
});

describe("the administration", () => {
  test("invites a person and checks the steering group's seats", async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, "admin@dresden.demo");
    await mainNav(page).getByRole("link", { name: "Verwaltung" }).click();
    await page.getByRole("heading", { level: 1, name: "Verwaltung" }).waitFor();
    await assertAccessible(page);

    await page.locator("#admin-sections").getByRole("link", { name: "Personen und Rollen" }).click();
    await page.locator("#user-list").waitFor();
    await assertAccessible(page);
    await page.getByRole("link", { name: "Person einladen" }).click();
    await page.getByRole("heading", { level: 1, name: "Person einladen" }).waitFor();
    await assertAccessible(page);
    await page.getByLabel("Name", { exact: true }).fill("Ines Eingeladen");
    await page.getByLabel("E-Mail-Adresse").fill("ines@dresden.demo");
    await page.getByLabel("Rolle", { exact: true }).selectOption("coordinator");
    await page.getByRole("button", { name: "Einladung senden" }).click();
    await page.getByRole("status").getByText("Die Einladung ist verschickt.").waitFor();
    await page.getByRole("status").getByRole("link", { name: "Zurück zur Liste" }).click();
    await page.locator("#user-list").getByRole("link", { name: "Ines Eingeladen" }).waitFor();

    await page.goto(`${BASE}/dresden/admin/steering`);
    await page.locator("#composition").getByText("wie beschlossen besetzt").waitFor();
    await assertAccessible(page);

    await page.goto(`${BASE}/dresden/admin/settings`);
    await page.getByLabel("Name der Kommune").waitFor();
    await assertAccessible(page);
    assert.deepEqual(errors, []);
    await context.close();
  });

  // In Musterstadt, so that the other browser tests still find Dresden's districts as the demo has them.
  test("renames a district and finds the change in the audit log", async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, "admin@musterstadt.demo", { tenant: "musterstadt" });
    await page.goto(`${BASE}/musterstadt/admin/districts`);
    await waitForHydration(page);
    await assertAccessible(page);
    const first = page.locator("#admin-district-list tbody tr").first();
    await first.locator("input[name=name]").fill("Nordstadt");
    await first.getByRole("button", { name: "Umbenennen" }).click();
    await page.locator("#admin-district-list input[value=Nordstadt]").waitFor();

    await page.goto(`${BASE}/musterstadt/admin/audit?object=district`);
    await page.locator("#audit-lines").getByText("district.renamed").waitFor();
    await assertAccessible(page);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
