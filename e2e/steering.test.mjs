// The steering group's business in a real browser (issue 15): the project carrier's seat plans a meeting,
// sets its agenda, invites, records attendance and a resolution, and commissions a coordinator, who finds
// the commission on the home page, reports on it and closes it; a member reads the register. Axe on every
// page.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, signIn, visit, waitForHydration, assertAccessible, latestMail } from "./support.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The newest mail to `address` that mentions `needle`, once the server's worker has sent it. */
async function waitForMail(address, needle) {
  for (let i = 0; i < 100; i++) {
    try {
      const mail = latestMail(address);
      if (mail.includes(needle)) return mail;
    } catch {
      // Nothing sent to them yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.fail(`no mail to ${address} about ${needle}`);
}

/** A day `days` from now as `YYYY-MM-DD`. */
function day(days) {
  const at = new Date(Date.now() + days * 86400000);
  return at.toISOString().slice(0, 10);
}

test("the project carrier prepares a meeting, records a resolution and commissions a coordinator, who closes it", async () => {
  const carrier = await openPage(browser);
  const page = carrier.page;
  await signIn(page, "steuerung7@dresden.demo");
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Steuerungsgruppe" }).click();
  await page.getByRole("heading", { level: 1, name: "Steuerungsgruppe" }).waitFor();
  await page.locator("#meetings tbody tr").first().waitFor();
  await waitForHydration(page);
  await assertAccessible(page);

  const plan = page.locator("#plan-form");
  await plan.getByLabel("Titel der Sitzung").fill("Sondersitzung Elternarbeit");
  await plan.getByLabel("Wann").fill(`${day(9)}T16:00`);
  await plan.getByLabel("Ort").fill("Rathaus Dresden, Raum 4");
  await page.getByRole("button", { name: "Sitzung anlegen" }).click();
  await page.getByRole("heading", { level: 1, name: "Sondersitzung Elternarbeit" }).waitFor();
  await waitForHydration(page);

  const agenda = page.locator("#agenda-form");
  await agenda.getByLabel("Tagesordnungspunkt").fill("Elternarbeit im Stadtraum 1");
  await agenda.getByLabel("Bezieht sich auf").selectOption("budget_year");
  await agenda.getByLabel("Kennung oder Jahr").fill("2027");
  await agenda.getByRole("button", { name: "Punkt hinzufügen" }).click();
  await page.locator("#agenda h3", { hasText: "Elternarbeit im Stadtraum 1" }).waitFor();
  await page.getByRole("link", { name: "Haushaltsjahr 2027" }).waitFor();

  await page.getByRole("button", { name: "Einladung versenden" }).click();
  await page.locator("#invitation-state", { hasText: "versandt am" }).waitFor();
  await page.getByRole("button", { name: "Einladung erneut versenden" }).waitFor();
  const invitation = await waitForMail("steuerung1@dresden.demo", "Sondersitzung Elternarbeit");
  assert.match(invitation, /text\/calendar/);

  const attendance = page.locator("#attendance-form");
  const selects = attendance.locator("select");
  const count = await selects.count();
  assert.equal(count, 7, "seven members");
  for (let i = 0; i < count; i++) {
    await selects.nth(i).selectOption(i < 6 ? "present" : "excused");
  }
  await attendance.getByRole("button", { name: "Anwesenheit speichern" }).click();
  await page.locator(".agenda-item", { hasText: "6 stimmberechtigt" }).waitFor();

  const item = page.locator(".agenda-item", { hasText: "Elternarbeit im Stadtraum 1" });
  const resolution = item.locator(".resolution-form");
  await resolution.getByLabel("Beschluss").fill("Die Koordination Stadtraum 1 wertet den Elternabend aus.");
  await resolution.getByLabel("Thema").selectOption("strategy");
  await resolution.getByLabel("Ja").fill("5");
  await resolution.getByLabel("Nein").fill("0");
  await resolution.getByLabel("Enthaltung").fill("1");
  await resolution.getByRole("button", { name: "Beschluss erfassen" }).click();
  await item.locator(".resolution", { hasText: "angenommen" }).waitFor();
  await assertAccessible(page);

  const commission = page.locator("#commission-form");
  await commission.getByLabel("Auftrag", { exact: true }).fill("Elternabend auswerten");
  await commission.getByLabel("Beschreibung").fill("Kurz: wer kam, was fehlte, was wir ändern.");
  await commission.getByLabel("Beauftragt").selectOption({ label: "Sozialraumkoordination 1" });
  await commission.getByLabel("Frist").fill(day(30));
  await commission.getByLabel("Aus Beschluss").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Auftrag erteilen" }).click();
  await page.getByRole("heading", { level: 1, name: "Elternabend auswerten" }).waitFor();
  await waitForHydration(page);
  await assertAccessible(page);

  const coordinator = await openPage(browser);
  const home = coordinator.page;
  await signIn(home, "koordination1@dresden.demo");
  const card = home.locator("#steering-tasks");
  await card.getByRole("link", { name: /Elternabend auswerten/ }).click();
  await home.getByRole("heading", { level: 1, name: "Elternabend auswerten" }).waitFor();
  await waitForHydration(home);
  await assertAccessible(home);
  const progress = home.locator("#progress-form");
  await progress.getByLabel("Rückmeldung").fill("Zwölf Eltern kamen; nächstes Mal mit Kinderbetreuung.");
  await progress.getByLabel("Auftrag ist erledigt").check();
  await home.getByRole("button", { name: "Rückmeldung senden" }).click();
  await home.locator("#commission-state", { hasText: "erledigt" }).waitFor();
  await home.getByText("Zwölf Eltern kamen; nächstes Mal mit Kinderbetreuung.").waitFor();
  await assertAccessible(home);

  assert.deepEqual(carrier.errors, []);
  assert.deepEqual(coordinator.errors, []);
  await carrier.context.close();
  await coordinator.context.close();
});

test("a member reads the register, narrows it and finds the downloads", async () => {
  const member = await openPage(browser);
  const page = member.page;
  await signIn(page, "steuerung3@dresden.demo");
  await visit(page, "/dresden/steering/resolutions");
  await page.getByRole("heading", { level: 1, name: "Beschlussregister" }).waitFor();
  await waitForHydration(page);
  await assertAccessible(page);
  await page.getByLabel("Ergebnis").selectOption("deferred");
  await page.getByRole("button", { name: "Filtern" }).click();
  await page.locator("#register-count", { hasText: "2 Beschlüsse" }).waitFor();
  const csv = page.getByRole("link", { name: "CSV" });
  assert.match(await csv.getAttribute("href"), /beschluesse\.csv\?outcome=deferred/);

  await visit(page, "/dresden/steering/commissions?open=1");
  await waitForHydration(page);
  const filter = page.getByRole("navigation", { name: "Stand" });
  assert.equal(await filter.getByRole("link", { name: "Nur offene" }).getAttribute("aria-current"), "page");
  assert.equal(await filter.getByRole("link", { name: "Alle" }).getAttribute("aria-current"), null);
  await page.locator("table.commissions tbody tr").first().waitFor();
  assert.equal(await page.getByText("erledigt", { exact: true }).count(), 0, "only open ones");
  await assertAccessible(page);
  assert.deepEqual(member.errors, []);
  await member.context.close();
});
