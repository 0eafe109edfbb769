// The walking skeleton in a real browser: server rendering, hydration, the server-function path, 404s,
// keyboard access, and axe-core on every page.
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

describe("the start page", () => {
  test("lists the participating municipalities", async () => {
    const { context, page, errors } = await openPage(browser);
    await visit(page, "/");
    await assert.doesNotReject(page.getByRole("link", { name: "Landeshauptstadt Dresden" }).waitFor());
    await assert.doesNotReject(page.getByRole("link", { name: "Musterstadt" }).waitFor());
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe("a tenant's pages", () => {
  test("show the tenant's name in the app shell, in German by default", async () => {
    const { context, page, errors } = await openPage(browser);
    await visit(page, "/dresden/");
    assert.equal(await page.getAttribute("html", "lang"), "de");
    await page.getByRole("banner").getByText("Landeshauptstadt Dresden").waitFor();
    await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Stadträume" }).waitFor();
    await waitForHydration(page);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("switch language in place once hydrated, and keep it on the next load", async () => {
    const { context, page, errors } = await openPage(browser);
    // The sign-in page hydrates for everyone (a visitor's public pages are static: see the next test).
    await visit(page, "/dresden/sign-in");
    await waitForHydration(page);
    await page.evaluate(() => {
      window.__sameDocument = true;
    });

    await page.getByRole("button", { name: "English" }).click();
    await page.waitForSelector("html[lang=en]");
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Districts" }).waitFor();
    assert.equal(await page.evaluate(() => window.__sameDocument), true, "the page must not reload");
    await assertAccessible(page);

    const cookies = await context.cookies();
    assert.ok(cookies.some((c) => c.name === "spielraum_lang" && c.value === "en"), "language cookie set");
    await page.reload();
    assert.equal(await page.getAttribute("html", "lang"), "en", "the server renders the chosen language");
    await page.getByRole("button", { name: "Deutsch" }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("switch language on a visitor's static page by loading it again", async () => {
    const { context, page, errors } = await openPage(browser);
    await visit(page, "/dresden/calls");
    await waitForHydration(page);
    await page.getByRole("button", { name: "English" }).click();
    await page.waitForSelector("html[lang=en]");
    await page.getByRole("heading", { level: 1, name: "Calls for expressions of interest" }).waitFor();
    assert.equal(new URL(page.url()).pathname, "/dresden/calls");
    await assertAccessible(page);
    const cookies = await context.cookies();
    assert.ok(cookies.some((c) => c.name === "spielraum_lang" && c.value === "en"), "language cookie set");
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("load the district list through a server function on client-side navigation", async () => {
    const { context, page, errors } = await openPage(browser);
    await visit(page, "/dresden/sign-in");
    await waitForHydration(page);
    await page.evaluate(() => {
      window.__sameDocument = true;
    });

    const serverFunction = page.waitForResponse((r) => r.url().includes("/fn/districts") && r.status() === 200);
    await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Stadträume" }).click();
    await serverFunction;
    await page.getByRole("heading", { level: 1, name: "Stadträume und Ortschaften" }).waitFor();
    const rows = page.locator("#district-list tbody tr");
    await rows.nth(19).waitFor();
    assert.equal(await rows.count(), 20);
    assert.equal(await rows.nth(0).locator("th").innerText(), "Stadtraum 1");
    assert.equal(await page.evaluate(() => window.__sameDocument), true, "navigation happened in place");
    assert.equal(new URL(page.url()).pathname, "/dresden/districts");
    await assertAccessible(page);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("offer a skip link as the first stop for keyboard users", async () => {
    const { context, page, errors } = await openPage(browser);
    await visit(page, "/musterstadt/districts");
    await waitForHydration(page);
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    assert.equal(focused, "Zum Inhalt springen");
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "main");
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe("addresses that do not exist", () => {
  test("get a 404 page in the user's language", async () => {
    const { context, page } = await openPage(browser, { locale: "en-GB" });
    await visit(page, "/atlantis/", { status: 404 });
    await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
    await context.close();
  });
});

test("the bundle is served compressed with long cache lifetimes", async () => {
  // A hydrated page: the sign-in page, the same for visitors and everyone.
  const page = await fetch(`${BASE}/dresden/sign-in`);
  const html = await page.text();
  // The bundle's directory is named after its contents. The page's own modules are preloaded through the
  // response's Link header (app::routes::preload), and only there: not again as links in the markup.
  const main = html.match(/\/pkg\/[0-9a-f]{20}\/spielraum\.wasm/)?.[0];
  assert.ok(main, "the main module's URL in the page");
  const dir = main.slice(0, main.lastIndexOf("/"));
  const manifest = await (await fetch(`${BASE}${dir}/modules.json`)).json();
  const own = Object.entries(manifest).find(([name]) => name.startsWith("__sign_in_view_"));
  assert.ok(own, "the sign-in page is a module of its own");
  const wasm = [main, ...own[1].map((module) => `${dir}/${module}.wasm`)];
  const preloaded = [...(page.headers.get("link") ?? "").matchAll(/<([^>]+)>; rel=preload; as=fetch/g)].map((m) => m[1]);
  assert.deepEqual(preloaded, wasm.slice(1), "the Link header preloads exactly the page's modules");
  assert.doesNotMatch(html, /(split|chunk)_[a-z_0-9]+\.wasm/, "the markup names none of the page's modules");
  assert.ok(wasm.some((path) => /\/split_[a-z_0-9]+\.wasm$/.test(path)), "the page's own module");
  // A visitor's static page loads the static pages' bundle, from the same directory.
  const tenantHome = await (await fetch(`${BASE}/dresden`)).text();
  assert.ok(tenantHome.includes(`${dir}/enhance.wasm`), "the static page's bundle");
  for (const path of [...wasm, `${dir}/enhance.wasm`, `${dir}/enhance.js`]) {
    const response = await fetch(`${BASE}${path}`, { headers: { "accept-encoding": "br" } });
    assert.equal(response.status, 200, path);
    assert.equal(response.headers.get("content-encoding"), "br", path);
    assert.match(response.headers.get("cache-control"), /immutable/, path);
  }
});
