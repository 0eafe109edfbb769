// The first load stays within its budget (issue 10): the encoded bytes of every script and wasm response (and
// the page's texts), from the request of the page until it is interactive and the network is idle, as headless
// Chromium received them (brotli, pre-compressed by scripts/build-site). Each file's size is printed, so a
// growing bundle shows where it grew.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { BASE, launch, openPage, signIn, waitForHydration } from "./support.mjs";

/**
 * Pages that only show things, served static (app::render_mode): a visitor's public pages (issue 10's aim) and,
 * for whoever gets no form on them, the workspaces' lists, dashboard and report (issue 16). They load only the
 * static pages' bundle (`enhance`): about 60 KB where the hydrated app takes 440–720 KB.
 */
const STATIC_BUDGET_BYTES = 200 * 1000;

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The first load of `path` in a fresh browser context (an empty cache), signed in as `email` if given. */
async function firstLoad(path, email) {
  const { context, page, errors } = await openPage(browser);
  if (email) {
    // Signed in in a context of its own, whose cache then stays out of the measurement.
    const signing = await openPage(browser);
    await signIn(signing.page, email);
    await context.addCookies(await signing.context.cookies());
    await signing.context.close();
  }
  const files = [];
  page.on("requestfinished", async (request) => {
    const url = new URL(request.url());
    if (!/\.(js|wasm|json)$/.test(url.pathname)) return;
    const response = await request.response();
    const sizes = await request.sizes();
    files.push({
      path: url.pathname,
      bytes: sizes.responseBodySize,
      encoding: (await response?.allHeaders())?.["content-encoding"] ?? "none",
    });
  });
  await page.goto(`${BASE}${path}`);
  await waitForHydration(page);
  await page.waitForLoadState("networkidle");
  await context.close();
  return { files, errors };
}

/** The size of `path` as the server sends it with `encoding` (its pre-compressed sibling, or the file). */
async function sizeWith(path, encoding) {
  const response = await fetch(`${BASE}${path}`, { method: "HEAD", headers: { "accept-encoding": encoding } });
  return Number(response.headers.get("content-length"));
}

/** Prints every file (brotli, as the browser got it) and the totals raw, gzip and brotli; returns brotli's. */
async function report(t, target, files) {
  const total = files.reduce((sum, file) => sum + file.bytes, 0);
  for (const file of [...files].sort((a, b) => b.bytes - a.bytes)) {
    t.diagnostic(`${(file.bytes / 1000).toFixed(1).padStart(7)} KB  ${file.encoding.padEnd(4)}  ${file.path}`);
  }
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    raw += await sizeWith(file.path, "identity");
    gzip += await sizeWith(file.path, "gzip");
  }
  const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
  t.diagnostic(`in all for ${target}: ${files.length} files, ${kb(raw)} raw, ${kb(gzip)} gzip, ${kb(total)} brotli`);
  for (const file of files) assert.equal(file.encoding, "br", `${file.path} came brotli-compressed`);
  return total;
}

async function linkFrom(path, pattern) {
  const html = await (await fetch(`${BASE}${path}`)).text();
  const found = html.match(pattern)?.[1];
  assert.ok(found, `a link matching ${pattern} on ${path}`);
  return found;
}

for (const [name, path, email] of [
  ["a visitor's tenant home", "/dresden"],
  ["a visitor's call list", "/dresden/calls"],
  ["a visitor's open call page", null],
  ["carrier's home", "/dresden", "traeger1@dresden.demo"],
  ["coordinator's home", "/dresden", "koordination1@dresden.demo"],
  ["steering member's controlling dashboard", "/dresden/controlling", "steuerung1@dresden.demo"],
  ["steering member's committee report", "/dresden/controlling/committee-report", "steuerung1@dresden.demo"],
  ["steering member's report list", "/dresden/reports", "steuerung1@dresden.demo"],
  ["administration's user list", "/dresden/admin/users", "admin@dresden.demo"],
]) {
  test(`the first load of the ${name} is at most ${STATIC_BUDGET_BYTES / 1000} KB`, async (t) => {
    const target =
      path ?? (await linkFrom("/dresden/calls", /href="(\/dresden\/calls\/[0-9a-f-]{36})"[^>]*>Sozialraumkoordinationsstellen ab 2027/));
    const { files, errors } = await firstLoad(target, email);
    assert.deepEqual(errors, []);
    const total = await report(t, target, files);
    assert.ok(files.some((file) => file.path.endsWith("/enhance.wasm")), "the page loaded the static pages' bundle");
    assert.ok(!files.some((file) => file.path.endsWith("/spielraum.wasm")), "the page did not load the app");
    assert.ok(total <= STATIC_BUDGET_BYTES, `first load of ${target}: ${total} bytes, budget ${STATIC_BUDGET_BYTES}`);
  });
}

/**
 * Pages that hydrate the app load its main module (Leptos' runtime, router, hydration, serde, the shell, 261 KB
 * with its JS) and the page's own modules. Each budget is a ratchet at what the page measured when it was set,
 * not an aim: a new workspace brings modules of its own and must not grow these. It grew once, knowingly:
 * issue 13's pages (reports with autosave and files, compliance, figures, the exchange, post schedules) share
 * form components with the bid editor, so wasm-split cut the shared code into 47 more chunks (555 → 573 KB,
 * 273 → 320 files; the bytes are per-module overhead, not new code), and again with issue 14's controlling pages
 * (bid editor 580 → 600 KB, the main module by 10 KB), and by 1 KB with issue 15's steering pages (bid editor
 * 600 → 605 KB: the catalogue's new texts and the chunks its forms split off the shared code).
 */
for (const [name, email, find, budget] of [
  ["carrier's bid editor", "traeger1@dresden.demo", ["/dresden/bids", /href="(\/dresden\/bids\/[0-9a-f-]{36})"/], 605],
]) {
  test(`the first load of the ${name} is at most ${budget} KB`, async (t) => {
    const { context, page } = await openPage(browser);
    await signIn(page, email);
    await page.goto(`${BASE}${find[0]}`);
    const target = (await page.content()).match(find[1])?.[1];
    await context.close();
    assert.ok(target, `a link matching ${find[1]} on ${find[0]}`);
    const { files, errors } = await firstLoad(target, email);
    assert.deepEqual(errors, []);
    const total = await report(t, target, files);
    assert.ok(files.some((file) => file.path.endsWith("/spielraum.wasm")), "the page hydrated the app");
    assert.ok(total <= budget * 1000, `first load of ${target}: ${total} bytes, budget ${budget} KB`);
  });
}
