// The steering group's evaluation in the browser (issue 12): a member finds the closed call on the home
// page, declares conflicts of interest for a lot, scores its bids (saved as typed), finalises them and then
// sees the lot's ranking, beside the sheets two other members finalised before (the demo's call under
// evaluation). Uses steuerung6, whom no other browser test touches.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { assertAccessible, launch, openPage, signIn, waitForHydration } from "./support.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test("a member declares, scores a lot, finalises and then sees the ranking", async () => {
  const { context, page, errors } = await openPage(browser);
  await signIn(page, "steuerung6@dresden.demo");
  await page.goto(`${process.env.SPIELRAUM_BASE_URL ?? "http://127.0.0.1:3000"}/dresden`);
  await waitForHydration(page);
  const tasks = page.locator("#evaluation-tasks");
  await tasks.getByRole("link", { name: "Sozialraumkoordination Stadtraum 4 und 5 – Nachbesetzung" }).click();
  await page.getByRole("heading", { level: 1, name: "Bewertung", exact: true }).waitFor();
  await assertAccessible(page);

  // Stadtraum 4: no bids visible before declaring.
  const lot = page.locator("section.card", { has: page.getByRole("heading", { level: 2, name: "Stadtraum 4" }) });
  await lot.locator("fieldset.radio-group").first().waitFor();
  assert.equal(await lot.locator("table").count(), 0, "no bids before the declaration");
  for (const group of await lot.locator("fieldset.radio-group").all()) {
    await group.getByLabel("Kein Interessenkonflikt").check();
  }
  await lot.getByRole("button", { name: "Erklärung abgeben" }).click();
  await lot.locator("table").waitFor();
  const carriers = await lot.locator("tbody th a").allTextContents();
  assert.equal(carriers.length, 2, `two bids in Stadtraum 4: ${carriers}`);

  for (const carrier of carriers) {
    const row = lot.locator("tr", { has: page.getByRole("link", { name: carrier }) });
    await row.getByRole("link", { name: "Noch nicht begonnen" }).click();
    await page.getByRole("heading", { level: 1, name: carrier }).waitFor();
    await waitForHydration(page);
    const criteria = await page.locator("fieldset.criterion").all();
    assert.ok(criteria.length >= 3, "the practice rubric's criteria");
    for (const [index, criterion] of criteria.entries()) {
      await criterion.locator(`input[type=radio][value="${carrier === carriers[0] ? 4 : 2}"]`).check();
      await criterion.getByLabel("Begründung").fill(`Begründung ${index + 1} für ${carrier}`);
    }
    // Saved as typed, before finalising.
    await page.locator("#save-state", { hasText: "Entwurf gespeichert:" }).waitFor();
    await assertAccessible(page);
    await page.getByRole("button", { name: "Bewertung abschließen" }).click();
    await page.locator("#sheet-status", { hasText: "Abgeschlossen" }).waitFor();
    await page.locator("#others-scores").waitFor();
    assert.match(await page.locator("#my-weighted").textContent(), carrier === carriers[0] ? /^80,00$/ : /^40,00$/);
    await page.getByRole("link", { name: "Bewertung", exact: true }).first().click();
    await page.getByRole("heading", { level: 1, name: "Bewertung", exact: true }).waitFor();
  }

  await page.getByRole("link", { name: "Rangfolge", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Rangfolge" }).waitFor();
  // One lot a page: Stadtraum 5, not yet declared for, says why; Stadtraum 4 is a link away.
  await waitForHydration(page);
  const lots = page.getByRole("navigation", { name: "Lose dieses Aufrufs" });
  assert.equal(await lots.getByRole("link", { name: "Stadtraum 4" }).getAttribute("aria-current"), "page");
  await lots.getByRole("link", { name: "Stadtraum 5" }).click();
  const other = page.locator("section.card", { has: page.getByRole("heading", { level: 2, name: "Stadtraum 5" }) });
  await other.locator("p.notice").waitFor();
  assert.equal(await other.locator("table").count(), 0, "no figures of a lot not declared for");
  await lots.getByRole("link", { name: "Stadtraum 4" }).click();
  const ranking = page.locator("section.card", { has: page.getByRole("heading", { level: 2, name: "Stadtraum 4" }) });
  // The link loads the lot's ranking after the click: wait for its table before reading it.
  await ranking.locator("table.ranking-table tbody tr").first().waitFor();
  const ranked = await ranking.locator("table.ranking-table tbody tr").allTextContents();
  assert.equal(ranked.length, 2, `both bids ranked: ${ranked}`);
  assert.match(ranked[0], /^1/);
  for (const carrier of carriers) assert.ok(ranked.some((row) => row.includes(carrier)), `${carrier} is ranked`);
  const matrix = ranking.locator("table.score-matrix tbody tr");
  assert.equal(await matrix.count(), 6, "the sheets of steuerung1, steuerung2 and steuerung6 on both bids");
  assert.equal(await matrix.filter({ hasText: "Steuerungsgruppe Mitglied 6" }).count(), 2, "steuerung6's two sheets");
  await assertAccessible(page);

  // The recommendation is recorded on a page of its own: the ranking only shows things and is served static.
  await page.getByRole("link", { name: "Empfehlung erfassen", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Empfehlung erfassen: Stadtraum 4" }).waitFor();
  await waitForHydration(page);
  for (const carrier of carriers) await page.locator("#rec-bid").getByRole("option", { name: carrier }).waitFor({ state: "attached" });
  await assertAccessible(page);
  await page.locator(".breadcrumb").getByRole("link", { name: "Rangfolge" }).click();
  await ranking.locator("table.ranking-table tbody tr").first().waitFor();

  // The decision proposal, printable, from the same figures.
  await page.getByRole("link", { name: "Beschlussvorlage (Druckansicht)" }).click();
  await page.getByRole("heading", { level: 1, name: /^Vergabe: Sozialraumkoordination Stadtraum 4 und 5/ }).waitFor();
  const proposal = page.locator("article.document");
  for (const carrier of carriers) assert.ok((await proposal.textContent()).includes(carrier), `${carrier} in the proposal`);
  assert.equal(await page.getByRole("link", { name: "Beschlussvorlage als PDF" }).count(), 1);
  await assertAccessible(page);
  assert.deepEqual(errors, []);
  await context.close();
});
