// The posts' reports in a real browser (issue 13): a coordinator files the quarter the demo left unreported,
// a steering-group member returns it with a comment on one point of the work order, and the coordinator
// revises and resubmits it; axe on every page. The report starts from the last one and saves as it is typed.
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

/** Clicks the form's button and waits for its server function's answer, which must succeed. */
async function send(page, button, endpoint) {
  const answer = page.waitForResponse((r) => r.url().includes(endpoint));
  await page.getByRole("button", { name: button }).click();
  const response = await answer;
  assert.ok(response.ok(), `${endpoint}: ${response.status()} ${await response.text()}`);
}
const save = (page) => send(page, "Entwurf speichern", "/fn/save_report");
const submit = (page) => send(page, "Bericht einreichen", "/fn/submit_report");

const ACCESS = "b) Maßnahmen, die den Zugang der Bewohnerinnen und Bewohner zu Angeboten verbessern";

test("a coordinator files a report, a member returns it with a comment, the coordinator resubmits", async () => {
  const coordinator = await openPage(browser);
  const page = coordinator.page;
  await signIn(page, "koordination3@dresden.demo");
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Berichte" }).click();
  await page.getByRole("heading", { level: 1, name: "Berichte" }).waitFor();
  await assertAccessible(page);
  const row = page.locator("#reports-to-do-table tr", { hasText: "01.07.2026 – 30.09.2026" });
  await row.getByText("verspätet").waitFor();
  await row.getByLabel("mit dem Inhalt des letzten Berichts").check();
  await row.getByRole("button", { name: "Bericht beginnen" }).click();
  await page.getByRole("heading", { level: 1, name: /Bericht Stadtraum 3/ }).waitFor();
  await waitForHydration(page);
  await assertAccessible(page);
  // Started from the second quarter's report; typing saves by itself a moment later.
  const cooperation = page.getByLabel("a) Kooperationsbeziehungen", { exact: false });
  assert.match(await cooperation.inputValue(), /Stadtteilrunde Stadtraum 3 hat im 2\. Quartal 2026/);
  const autosaved = page.waitForResponse((r) => r.url().includes("/fn/save_report"));
  await page.getByLabel("Treffen", { exact: true }).fill("7");
  assert.ok((await autosaved).ok());
  await page.locator("#save-state", { hasText: "Entwurf gespeichert" }).waitFor();

  await page.getByLabel("a) Kooperationsbeziehungen", { exact: false }).fill("Stadtteilrunde mit Schule und Kita.");
  await page.getByLabel(ACCESS).fill("Sprechstunde im Stadtteilhaus.");
  await page.getByLabel("c) Angestoßene Präventionsmaßnahmen und Projekte").fill("Ferienprojekt mit dem Sportverein.");
  await page.getByLabel("d) Zusammenarbeit mit den anderen Koordinationsstellen", { exact: false }).fill("Austausch im Netzwerk.");
  await page.getByLabel("e) Zusammenarbeit mit den Ansprechpersonen", { exact: false }).fill("Runde mit der Bezirkssozialarbeit.");
  await page.getByLabel("Name 1").fill("Kita Regenbogen");
  await page.getByLabel("Arbeitsfeld 1").fill("Kita");
  await page.getByLabel("Geleistete Stunden (Viertelstunden)").fill("240,5");
  // The upload saves what was typed first, then comes back with the file listed.
  const pdf = Buffer.from("%PDF-1.4\n% Protokoll\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
  await page.getByLabel("Datei anhängen (PDF, ODT oder DOCX)").setInputFiles({ name: "protokoll.pdf", mimeType: "application/pdf", buffer: pdf });
  await page.getByRole("button", { name: "Hochladen" }).click();
  await page.locator("#report-file-list").getByRole("link", { name: "protokoll.pdf" }).waitFor();
  await waitForHydration(page);
  assert.equal(await page.getByLabel("Geleistete Stunden (Viertelstunden)").inputValue(), "240.5");
  await save(page);
  await submit(page);
  await page.locator(".lead", { hasText: "eingereicht" }).waitFor();
  await page.locator("#report-version-list li").first().waitFor();
  const url = page.url();

  const member = await openPage(browser);
  await signIn(member.page, "steuerung6@dresden.demo");
  await member.page.goto(url);
  await waitForHydration(member.page);
  await member.page.getByText("Sprechstunde im Stadtteilhaus.").waitFor();
  await assertAccessible(member.page);
  await member.page.locator("#review-form").getByLabel(ACCESS).fill("Bitte Zeiten und Ort der Sprechstunde nennen.");
  await member.page.getByRole("button", { name: "Mit Anmerkungen zurückgeben" }).click();
  await member.page.locator(".lead", { hasText: "zurückgegeben" }).waitFor();

  await page.reload();
  await waitForHydration(page);
  await page.locator("#report-comment-list").getByText("Bitte Zeiten und Ort der Sprechstunde nennen.").waitFor();
  await page.getByLabel(ACCESS).fill("Sprechstunde mittwochs 14–17 Uhr im Stadtteilhaus.");
  await save(page);
  await submit(page);
  await page.locator(".lead", { hasText: "eingereicht" }).waitFor();
  await page.locator("#report-version-list li").nth(1).getByText(ACCESS).waitFor();
  await assertAccessible(page);
  assert.deepEqual(coordinator.errors, []);
  assert.deepEqual(member.errors, []);
  await coordinator.context.close();
  await member.context.close();
});
