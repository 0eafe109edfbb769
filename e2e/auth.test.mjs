// Signing in and out in a real browser, the account page, and the error messages of the sign-in form.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, visit, waitForHydration, assertAccessible, signIn } from "./support.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Fills in the sign-in form without waiting for the outcome, which is what these tests look at. */
const submitSignIn = (page, email, password) => signIn(page, email, { password, expectSuccess: false });

describe("signing in", () => {
  test("takes the admin to the start page with their name in the header, then to their account", async () => {
    const { context, page, errors } = await openPage(browser);
    await submitSignIn(page, "admin@dresden.demo");
    const banner = page.getByRole("banner");
    await banner.getByRole("link", { name: /Andrea Admin/ }).waitFor();
    assert.equal(new URL(page.url()).pathname, "/dresden");
    await assertAccessible(page);

    await banner.getByRole("link", { name: /Andrea Admin/ }).click();
    await page.getByRole("heading", { level: 1, name: "Mein Konto" }).waitFor();
    await page.locator("#my-roles").getByText("Verwaltung (Jugendamt)").waitFor();
    await page.locator("#session-list").getByText("Diese Sitzung").waitFor();
    await assertAccessible(page);

    await page.getByLabel("Wofür ist der Schlüssel?").fill("Auswertungsskript");
    await page.getByRole("button", { name: "Schlüssel erzeugen" }).click();
    const shown = await page.locator("#new-token").innerText();
    assert.match(shown, /^spr_/);
    await page.locator("#token-list").getByText("Auswertungsskript").waitFor();
    await assertAccessible(page);
    await page.getByRole("link", { name: "Meine Daten herunterladen (JSON)" }).waitFor();

    await banner.getByRole("button", { name: "Abmelden" }).click();
    await banner.getByRole("link", { name: "Anmelden" }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("returns to the page that asked for it", async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${process.env.SPIELRAUM_BASE_URL ?? "http://127.0.0.1:3000"}/dresden/account`);
    assert.equal(new URL(page.url()).pathname, "/dresden/sign-in");
    await waitForHydration(page);
    await page.getByLabel("E-Mail-Adresse").fill("steuerung7@dresden.demo");
    await page.getByLabel("Passwort").fill("spielraum-demo");
    await page.getByRole("button", { name: "Anmelden" }).click();
    await page.getByRole("heading", { level: 1, name: "Mein Konto" }).waitFor();
    await page.locator("#my-roles").getByText("Steuerungsgruppe (Sitz des Projektträgers)").waitFor();
    await context.close();
  });

  test("says plainly when email or password is wrong, without telling which", async () => {
    const { context, page } = await openPage(browser);
    await submitSignIn(page, "admin@dresden.demo", "falsch-falsch");
    await page.getByRole("alert").getByText("E-Mail-Adresse oder Passwort ist falsch.").waitFor();
    await assertAccessible(page);
    await context.close();
  });

  test("ties a missing field's message to the field", async () => {
    const { context, page } = await openPage(browser);
    await visit(page, "/dresden/sign-in");
    await waitForHydration(page);
    await page.getByLabel("Passwort").fill("irgendwas");
    await page.getByRole("button", { name: "Anmelden" }).click();
    const email = page.getByLabel("E-Mail-Adresse");
    await page.waitForSelector("#field-email[aria-invalid=true]");
    const describedBy = await email.getAttribute("aria-describedby");
    assert.equal(await page.locator(`#${describedBy}`).innerText(), "Bitte füllen Sie dieses Feld aus.");
    await assertAccessible(page);
    await context.close();
  });
});
