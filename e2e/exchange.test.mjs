// The exchange space and the overviews of the reports in a real browser (issue 13, items 5–7): a coordinator
// opens a thread and attaches a file, a steering-group member finds it by its tag and replies; the steering
// group reads the compliance and figures pages, whose charts have their tables; axe on every page.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, signIn, waitForHydration, assertAccessible } from "./support.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const PDF = Buffer.from("%PDF-1.4\n% Einladung\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

test("a coordinator opens a thread with a file, a member finds it by its tag and replies", async () => {
  const coordinator = await openPage(browser);
  const page = coordinator.page;
  await signIn(page, "koordination2@dresden.demo");
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Austausch" }).click();
  await page.getByRole("heading", { level: 1, name: "Austausch" }).waitFor();
  await page.locator("#exchange-threads li").first().waitFor();
  await waitForHydration(page);
  await assertAccessible(page);

  const form = page.locator("#exchange-form");
  await form.getByLabel("Titel").fill("Einladung: Elterncafé im Januar");
  await form.getByLabel("Thema").selectOption("invitation");
  await form.getByLabel("Stadtraum").selectOption({ label: "Stadtraum 2" });
  await form.getByLabel("Schlagworte").fill("Elterncafé, Januar");
  await form.getByLabel("Text").fill("Wir laden alle Koordinationen zum Elterncafé ein.\nDonnerstag, 15 Uhr.");
  await page.getByRole("button", { name: "Beitrag veröffentlichen" }).click();
  await page.getByRole("heading", { level: 1, name: "Einladung: Elterncafé im Januar" }).waitFor();
  await waitForHydration(page);
  await page.getByLabel("Datei anhängen (PDF, ODT oder DOCX)").setInputFiles({ name: "einladung.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Hochladen" }).click();
  await page.getByRole("link", { name: "einladung.pdf" }).waitFor();
  await page.getByRole("status").getByText("hochgeladen", { exact: false }).waitFor();
  await assertAccessible(page);

  const member = await openPage(browser);
  await signIn(member.page, "steuerung5@dresden.demo");
  await member.page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Austausch" }).click();
  await member.page.getByRole("heading", { level: 1, name: "Austausch" }).waitFor();
  await waitForHydration(member.page);
  await member.page.getByLabel("Schlagwort", { exact: true }).fill("elterncafé");
  await member.page.getByRole("button", { name: "Filtern" }).click();
  await member.page.locator("#exchange-count", { hasText: "1 Beiträge" }).waitFor();
  await member.page.getByRole("link", { name: "Einladung: Elterncafé im Januar" }).click();
  await member.page.getByRole("heading", { level: 1, name: "Einladung: Elterncafé im Januar" }).waitFor();
  await waitForHydration(member.page);
  await member.page.locator("#reply-form").getByLabel("Text").fill("Ich komme gern und bringe die Zahlen mit.");
  await member.page.getByRole("button", { name: "Antwort senden" }).click();
  await member.page.getByText("Ich komme gern und bringe die Zahlen mit.").waitFor();
  await member.page.getByRole("heading", { name: "Antworten (1)" }).waitFor();
  await assertAccessible(member.page);

  assert.deepEqual(coordinator.errors, []);
  assert.deepEqual(member.errors, []);
  await coordinator.context.close();
  await member.context.close();
});

test("the steering group reads compliance and figures, each chart with its table", async () => {
  const member = await openPage(browser);
  const page = member.page;
  await signIn(page, "steuerung2@dresden.demo");
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Berichte" }).click();
  await page.getByRole("heading", { level: 1, name: "Berichte" }).waitFor();
  await page.getByRole("link", { name: "Berichtsfristen" }).click();
  await page.getByRole("heading", { level: 1, name: "Berichtsfristen" }).waitFor();
  await waitForHydration(page);
  await page.getByLabel("Jahr").selectOption("2026");
  await page.getByRole("button", { name: "Filtern" }).click();
  await page.locator("#compliance-grid tr", { hasText: "Stadtraum 3" }).getByText("fehlt").waitFor();
  await page.locator(".chart svg").first().waitFor();
  assert.equal(await page.locator(".chart svg").first().getAttribute("aria-hidden"), "true");
  await page.locator("#compliance-quarters tbody tr").first().waitFor();
  await assertAccessible(page);

  await page.getByRole("link", { name: "Kennzahlen" }).click();
  await page.getByRole("heading", { level: 1, name: "Kennzahlen" }).waitFor();
  await page.locator("#figures-years tbody tr", { hasText: "2019" }).waitFor();
  await page.locator("#figures-districts tbody tr", { hasText: "Stadtraum 1" }).waitFor();
  await assertAccessible(page);
  assert.deepEqual(member.errors, []);
  await member.context.close();
});
