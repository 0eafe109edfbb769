// The first load stays within its budget (issue 10): the encoded bytes of every script and wasm response (and
// the page's texts), from the request of the page until it is interactive and the network is idle, as headless
// Chromium received them (brotli, pre-compressed by scripts/build-site). Each file's size is printed, so a
// growing bundle shows where it grew.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { BASE, launch, openPage, signIn, waitForHydration } from "./support.mjs";

/**
 * Pages served static (app::render_mode): a visitor's public pages (issue 10's aim); for whoever gets no form on
 * them, the workspaces' lists, dashboard and report; and the bid editor, whose forms post without the app and
 * whose autosave comes with the enhancement (issue 16). They load only the static pages' bundle (`enhance`):
 * about 60 KB where the hydrated app takes 440–730 KB.
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

/** The first of the carrier's bids listed on its bids page. */
async function bidEditor(email) {
  const { context, page } = await openPage(browser);
  await signIn(page, email);
  await page.goto(`${BASE}/dresden/bids`);
  const target = (await page.content()).match(/href="(\/dresden\/bids\/[0-9a-f-]{36})"/)?.[1];
  await context.close();
  assert.ok(target, "a bid on the carrier's bids page");
  return target;
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
  // A form whose posts work without the app and whose autosave is the enhancement's (app::autosave).
  ["carrier's bid editor", bidEditor, "traeger1@dresden.demo"],
]) {
  test(`the first load of the ${name} is at most ${STATIC_BUDGET_BYTES / 1000} KB`, async (t) => {
    const target =
      typeof path === "function"
        ? await path(email)
        : path ?? (await linkFrom("/dresden/calls", /href="(\/dresden\/calls\/[0-9a-f-]{36})"[^>]*>Sozialraumkoordinationsstellen ab 2027/));
    const { files, errors } = await firstLoad(target, email);
    assert.deepEqual(errors, []);
    const total = await report(t, target, files);
    assert.ok(files.some((file) => file.path.endsWith("/enhance.wasm")), "the page loaded the static pages' bundle");
    assert.ok(!files.some((file) => file.path.endsWith("/spielraum.wasm")), "the page did not load the app");
    assert.ok(total <= STATIC_BUDGET_BYTES, `first load of ${target}: ${total} bytes, budget ${STATIC_BUDGET_BYTES}`);
  });
}
