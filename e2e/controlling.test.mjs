// Controlling in a real browser (issue 14): a steering-group member reads the dashboard of 2019 — the
// budget with the 2018 money carried in, the charts with their tables, the districts' coverage — and writes
// the group's text for the yearly committee report on its own page, which the report and its PDF then say;
// the administration books a budget through the ledger form, reverses it with a reason, and imports a CSV
// after its preview. axe on every page.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { BASE, launch, openPage, signIn, waitForHydration, assertAccessible } from "./support.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const mainNav = (page) => page.getByRole("navigation", { name: "Hauptnavigation" });

test("a steering-group member reads the dashboard and writes the committee report", async () => {
  const member = await openPage(browser);
  const page = member.page;
  await signIn(page, "steuerung3@dresden.demo");
  await page.locator("#controlling-tasks").waitFor();
  await mainNav(page).getByRole("link", { name: "Controlling" }).click();
  await page.getByRole("heading", { level: 1, name: "Controlling" }).waitFor();
  await waitForHydration(page);
  await page.getByLabel("Jahr", { exact: true }).selectOption("2019");
  await page.getByRole("button", { name: "Filtern" }).click();
  await page.getByRole("heading", { name: "Haushalt 2019" }).waitFor();
  await page.locator("#budget-table tbody tr", { hasText: "Praxismodul" }).getByText("300.000,00 €").waitFor();
  assert.equal(await page.locator(".chart svg").first().getAttribute("aria-hidden"), "true");
  await page.locator("#history-table tbody tr", { hasText: "2018" }).waitFor();
  assert.equal(await page.locator("#burn-table tbody tr").count(), 12);
  await page.locator("#coverage-grid li", { hasText: "Stadtraum 4" }).getByText("keine Stelle").waitFor();
  await page.locator("#posts-money tbody tr", { hasText: "Stadtraum 1" }).waitFor();
  await assertAccessible(page);

  await page.getByRole("link", { name: "Jahresbericht an den Jugendhilfeausschuss" }).click();
  await page.getByRole("heading", { level: 1, name: "Jahresbericht an den Jugendhilfeausschuss" }).waitFor();
  await waitForHydration(page);
  await page.getByLabel("Jahr", { exact: true }).selectOption("2019");
  await page.getByRole("button", { name: "Filtern" }).click();
  await page.getByText("Stadtteilrunde Pieschen mit 14 Einrichtungen wiederbelebt").first().waitFor();
  await assertAccessible(page);
  // The report is a document; its text is written on a page of its own, which hydrates.
  await page.getByRole("link", { name: "Text der Steuerungsgruppe schreiben" }).click();
  await page.getByRole("heading", { level: 1, name: "Text der Steuerungsgruppe zum Jahresbericht 2019" }).waitFor();
  await waitForHydration(page);
  await assertAccessible(page);
  const form = page.locator("#committee-form");
  await form.getByLabel(/Bericht der Steuerungsgruppe/).fill("Ein Jahr des Aufbaus.\n\nDie Stellen sind angekommen.");
  await form.getByLabel(/Bemerkenswerte Maßnahmen/).fill("Stadtteilfest Pieschen\nElterncafé Heidepark");
  await page.getByRole("button", { name: "Text speichern" }).click();
  await page.getByText("Der Text ist gespeichert.").waitFor();
  await page.locator(".breadcrumb").getByRole("link", { name: "Jahresbericht an den Jugendhilfeausschuss" }).click();
  await page.locator("article.document").getByText("Die Stellen sind angekommen.").waitFor();
  await page.locator("article.document").getByText("Stadtteilfest Pieschen").waitFor();

  const pdf = await page.request.get(`${BASE}/dresden/committee-reports/2019.pdf`);
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()["content-type"], "application/pdf");
  assert.ok((await pdf.body()).subarray(0, 5).toString() === "%PDF-");
  const xlsx = await page.request.get(`${BASE}/dresden/committee-reports/2019.xlsx`);
  assert.equal(xlsx.status(), 200);
  assert.deepEqual(errorsWithout(member.errors), []);
  await member.context.close();
});

const errorsWithout = (errors) => errors.filter((e) => !e.includes("status of 403"));

test("the administration books a budget, reverses it and imports a CSV after its preview", async () => {
  const admin = await openPage(browser);
  const page = admin.page;
  await signIn(page, "admin@dresden.demo");
  await page.goto(`${BASE}/dresden/controlling/ledger`);
  await page.getByRole("heading", { level: 1, name: "Buchungen" }).waitFor();
  await waitForHydration(page);
  await assertAccessible(page);
  const form = page.locator("#ledger-form");
  await form.getByLabel("Art").selectOption("appropriation");
  await form.getByLabel("Modul").selectOption("practice");
  await form.getByLabel("Betrag (EUR)").fill("1.234,50");
  await form.getByLabel("Aktenzeichen").fill("E2E-Nachtrag");
  await page.getByRole("button", { name: "Buchen" }).click();
  await page.getByText("Die Buchung ist gespeichert.").waitFor();
  const row = page.locator("#ledger-table tbody tr", { hasText: "E2E-Nachtrag" });
  await row.getByText("1.234,50 €").waitFor();
  await row.getByText("Stornieren").first().click();
  await row.getByLabel("Begründung").fill("Doppelt erfasst");
  await row.getByRole("button", { name: "Stornieren" }).click();
  await page.locator("#ledger-table tbody tr", { hasText: "Doppelt erfasst" }).getByText("-1.234,50 €").waitFor();
  await assertAccessible(page);

  await page.getByRole("link", { name: "CSV aus dem Finanzverfahren importieren" }).click();
  await page.getByRole("heading", { level: 1, name: "Buchungen importieren" }).waitFor();
  await waitForHydration(page);
  const csv = "Art;Modul;Haushaltsjahr;Betrag;Datum;Aktenzeichen;Stelle\n" +
    "Veranschlagung;Praxismodul;2026;5.000,00;20.11.2026;E2E-Import;\n" +
    "Auszahlung;Praxismodul;2026;elf;01.12.2026;E2E-ZA;Stadtraum 1\n";
  await page.getByLabel(/CSV-Inhalt/).fill(csv);
  await page.getByRole("button", { name: "Vorschau prüfen" }).click();
  await page.locator("#import-summary", { hasText: "Eine Zeile hat einen Fehler" }).waitFor();
  await page.locator("#import-rows tbody tr", { hasText: "Betrag (EUR):" }).waitFor();
  assert.equal(await page.locator("#import-commit").count(), 0, "nothing to book while a row is wrong");
  await assertAccessible(page);
  await page.getByLabel(/CSV-Inhalt/).fill(csv.replace("elf", "11,00"));
  await page.getByRole("button", { name: "Vorschau prüfen" }).click();
  await page.locator("#import-summary", { hasText: "Alle 2 Zeilen können gebucht werden." }).waitFor();
  await page.getByRole("button", { name: "Alle Zeilen buchen" }).click();
  await page.locator("#import-summary", { hasText: "2 Buchungen wurden übernommen." }).waitFor();
  await page.goto(`${BASE}/dresden/controlling/ledger?year=2026`);
  await page.locator("#ledger-table tbody tr", { hasText: "E2E-ZA" }).getByText("11,00 €").waitFor();
  assert.deepEqual(errorsWithout(admin.errors), []);
  await admin.context.close();
});
