// The carrier portal in a real browser: a new carrier registers, confirms its address, drafts a bid that
// saves as it types, uploads a document, submits and sees the receipt; the editor served static saves as the
// app does.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { BASE, latestMail, launch, openPage, signIn, visit, waitForHydration, assertAccessible } from "./support.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const PDF = Buffer.from("%PDF-1.4\n% Konzept\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

async function waitForMail(address, pattern) {
  for (let i = 0; i < 50; i++) {
    try {
      const mail = latestMail(address);
      if (pattern.test(mail)) return mail;
    } catch {
      // not there yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no mail to ${address} matching ${pattern}`);
}

describe("the carrier portal", () => {
  test("a carrier registers, drafts, uploads, submits and gets a receipt", async () => {
    const { context, page, errors } = await openPage(browser);
    const email = `e2e-${Date.now()}@traeger.example`;

    // From the public call page to the registration.
    await visit(page, "/dresden/calls");
    await page.locator("#call-list").getByRole("link", { name: "Sozialraumkoordinationsstellen ab 2027" }).click();
    await page.getByRole("link", { name: "Organisation registrieren" }).click();
    await page.getByRole("heading", { level: 1, name: "Träger registrieren" }).waitFor();
    await waitForHydration(page);
    await assertAccessible(page);
    await page.getByLabel("Ihr Name").fill("Paula Portal");
    await page.getByLabel("E-Mail-Adresse", { exact: true }).fill(email);
    await page.getByLabel("Neues Passwort", { exact: true }).fill("ein sicheres Passwort");
    await page.getByLabel("Neues Passwort wiederholen").fill("ein sicheres Passwort");
    await page.getByLabel("Name der Organisation").fill("Stadtteilhaus Portal e. V.");
    await page.getByLabel("Rechtsform").fill("e. V.");
    await page.getByLabel("Straße und Hausnummer").fill("Portalweg 1");
    await page.getByLabel("Postleitzahl").fill("0106");
    await page.getByLabel("Ort", { exact: true }).fill("Dresden");
    await page.getByLabel("Anerkannter Träger der freien Jugendhilfe (§ 75 SGB VIII)").check();
    await page.getByLabel("Ansprechperson", { exact: true }).fill("Paula Portal");
    await page.getByLabel("E-Mail-Adresse der Ansprechperson").fill("kontakt@portal.example");
    await page.getByRole("button", { name: "Registrieren" }).click();
    // A wrong postcode is named at its field; nothing else is lost.
    await page.locator("#field-postcode-error").waitFor();
    await assertAccessible(page);
    assert.equal(await page.getByLabel("Name der Organisation").inputValue(), "Stadtteilhaus Portal e. V.");
    await page.getByLabel("Postleitzahl").fill("01067");
    await page.getByRole("button", { name: "Registrieren" }).click();
    await page.locator("#registered").waitFor();

    // The emailed link confirms the address.
    const mail = await waitForMail(email, /confirm-email\?token=/);
    const link = mail.match(/https?:\/\/\S*confirm-email\?token=[A-Za-z0-9_-]+/)[0];
    await page.goto(`${BASE}${new URL(link).pathname}${new URL(link).search}`);
    await waitForHydration(page);
    await assertAccessible(page);
    await page.getByRole("button", { name: "E-Mail-Adresse bestätigen" }).click();
    await page.locator("#confirmed").waitFor();

    // Sign in and start a bid for Stadtraum 5.
    await page.goto(`${BASE}/dresden/sign-in`);
    await waitForHydration(page);
    await page.getByLabel("E-Mail-Adresse").fill(email);
    await page.getByLabel("Passwort").fill("ein sicheres Passwort");
    await page.getByRole("button", { name: "Anmelden" }).click();
    await page.getByRole("button", { name: "Abmelden" }).waitFor();
    await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Interessenbekundungen" }).click();
    await page.getByRole("heading", { level: 1, name: "Interessenbekundungen" }).waitFor();
    await assertAccessible(page);
    await page
      .locator("li", { hasText: /^Stadtraum 5\b/ })
      .getByRole("button", { name: "Interessenbekundung beginnen" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Stadtraum 5" }).waitFor();
    await waitForHydration(page);
    await assertAccessible(page);

    // Typing saves by itself.
    const experience = "Seit 2010 offene Jugendarbeit und Stadtteilrunde in Stadtraum 5.";
    await page.locator("textarea").first().fill(experience);
    await page.locator("#save-state", { hasText: "Entwurf gespeichert" }).waitFor();
    await page.getByLabel(/Ansprechperson für die Sozialraumkoordinationsstelle/).fill("Paula Portal, Vorstand");
    await page.getByLabel(/Beantragter Betrag für/).first().fill("31.500,00");
    await page.getByLabel(/Stellenanteil/).fill("0,5");

    // Uploading right away still keeps what was just typed.
    await page.getByLabel("Datei").setInputFiles({ name: "Konzept.pdf", mimeType: "application/pdf", buffer: PDF });
    await page.getByRole("button", { name: "Hochladen" }).click();
    await page.getByText("Die Datei wurde hochgeladen.").waitFor();
    await waitForHydration(page);
    await assertAccessible(page);
    await page.locator(".attachment-list").getByRole("link", { name: "Konzept.pdf" }).waitFor();
    assert.equal(await page.getByLabel(/Stellenanteil/).inputValue(), "0,5");
    assert.equal(await page.locator("textarea").first().inputValue(), experience);

    // Submit and see the receipt with its checksum.
    await page.getByRole("button", { name: "Verbindlich einreichen" }).click();
    await page.locator("#receipt").waitFor();
    const hash = (await page.locator("#receipt code.hash").innerText()).trim();
    assert.match(hash, /^[0-9a-f]{64}$/);
    await assertAccessible(page);
    await page.getByRole("link", { name: "Eingangsbestätigung und eingereichte Fassung ansehen" }).click();
    await page.locator("#content-hash", { hasText: hash }).waitFor();
    await assertAccessible(page);
    await page.getByText(experience).waitFor();

    // The receipt also arrives by email.
    const receipt = await waitForMail(email, new RegExp(hash));
    assert.match(receipt, /Fassung: 1/);
    // The browser reports the refused registration (422) as a failed resource load; anything else is a fault.
    assert.deepEqual(errors.filter((e) => !e.includes("status of 422")), []);
    await context.close();
  });

  test("the bid editor, served static, saves as you type and keeps what an ended session could not save", async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, "traeger3@dresden.demo");
    await page.goto(`${BASE}/dresden/bids`);
    await waitForHydration(page);
    await page.locator("li", { hasText: /^Stadtraum 7\b/ }).getByRole("button", { name: "Interessenbekundung beginnen" }).click();
    await page.getByRole("heading", { level: 1, name: "Stadtraum 7" }).waitFor();
    // Loaded anew, the editor is a static page with the enhancement (app::render_mode, app::autosave).
    const editor = page.url();
    await page.reload();
    await waitForHydration(page);
    assert.equal(await page.locator('script[type="module"]').count(), 1);
    assert.match(await page.content(), /enhance\.js/);
    await assertAccessible(page);

    const answer = page.locator("textarea").first();
    await answer.fill("Erster Absatz, gespeichert beim Tippen.");
    await page.locator("#save-state", { hasText: "Entwurf gespeichert" }).waitFor();
    // The save button saves in place.
    await answer.fill("Zweiter Stand, mit dem Knopf gespeichert.");
    await page.getByRole("button", { name: "Entwurf speichern" }).click();
    await page.locator("#save-state", { hasText: "Entwurf gespeichert" }).waitFor();
    assert.equal(page.url(), editor);

    // The session ends: what is typed then stays in this browser and is saved after signing in again.
    await context.clearCookies();
    await answer.fill("Getippt, als die Anmeldung abgelaufen war.");
    await page.locator("#save-state", { hasText: "Ihre Anmeldung ist abgelaufen" }).waitFor();
    await signIn(page, "traeger3@dresden.demo");
    await page.goto(editor);
    await waitForHydration(page);
    await page.locator("#save-state", { hasText: "Entwurf gespeichert" }).waitFor();
    assert.equal(await page.locator("textarea").first().inputValue(), "Getippt, als die Anmeldung abgelaufen war.");
    await page.reload();
    assert.equal(await page.locator("textarea").first().inputValue(), "Getippt, als die Anmeldung abgelaufen war.");
    // The browser reports the refused save (401) as a failed resource load; anything else is a fault.
    assert.deepEqual(errors.filter((e) => !e.includes("status of 401")), []);
    await context.close();
  });

  test("the steering group reads a closed call's bids and downloads a lot's archive", async () => {
    const { context, page, errors } = await openPage(browser);
    await visit(page, "/dresden/sign-in");
    await waitForHydration(page);
    await page.getByLabel("E-Mail-Adresse").fill("steuerung3@dresden.demo");
    await page.getByLabel("Passwort").fill("spielraum-demo");
    await page.getByRole("button", { name: "Anmelden" }).click();
    await page.getByRole("button", { name: "Abmelden" }).waitFor();

    await page.goto(`${BASE}/dresden/calls`);
    await page.locator("#call-list").getByRole("link", { name: "Sozialraumkoordination Stadtraum 4 und 5 – Nachbesetzung" }).click();
    await page.getByRole("heading", { level: 2, name: "Die Frist ist abgelaufen" }).waitFor();
    // A member of the steering group declares conflicts of interest for a lot before reading its bids.
    // The call's page is static; the evaluation page loads (and hydrates) anew.
    await page.getByRole("link", { name: "Bewertung", exact: true }).click();
    const declaration = page.locator("section.card", { has: page.getByRole("heading", { level: 2, name: "Stadtraum 4", exact: true }) });
    await declaration.locator("fieldset.radio-group").first().waitFor();
    await waitForHydration(page);
    for (const group of await declaration.locator("fieldset.radio-group").all()) {
      await group.getByLabel("Kein Interessenkonflikt").check();
    }
    await declaration.getByRole("button", { name: "Erklärung abgeben" }).click();
    await declaration.locator("table").waitFor();
    await page.goBack();
    await page.getByRole("heading", { level: 2, name: "Die Frist ist abgelaufen" }).waitFor();
    await page.getByRole("link", { name: "Eingegangene Interessenbekundungen" }).click();
    await page.getByRole("heading", { level: 1, name: "Eingegangene Interessenbekundungen" }).waitFor();
    await assertAccessible(page);
    const lot = page.locator("#submitted-bids section", { has: page.getByRole("heading", { name: "Stadtraum 4", exact: true }) });
    assert.equal(await lot.getByRole("listitem").count(), 2, "two bids in Stadtraum 4");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      lot.getByRole("link", { name: "Alle Interessenbekundungen dieses Loses herunterladen (ZIP)" }).click(),
    ]);
    assert.match(download.suggestedFilename(), /\.zip$/);

    await lot.getByRole("link", { name: "Kinderring Loschwitz e. V." }).click();
    await page.locator("#content-hash").waitFor();
    await page.getByRole("heading", { level: 1, name: "Stadtraum 4 – Kinderring Loschwitz e. V." }).waitFor();
    await assertAccessible(page);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
