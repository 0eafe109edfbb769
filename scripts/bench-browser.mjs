// The benchmark's browser half (scripts/bench): for each key page of the large data set, in headless Chromium
// with an empty cache, the bytes of the first load as received (brotli) and the time until the page is
// interactive (the app marks <html data-hydrated> when hydration, or the static pages' bundle, is done); then
// Lighthouse's desktop performance run (LCP, TBT, CLS) of the same page, signed in with the same cookie.
//
//   node scripts/bench-browser.mjs BASE PAGES.tsv COOKIES.tsv LIGHTHOUSE_BIN > browser.tsv
//
// PAGES.tsv: name, account, path (API rows are skipped). COOKIES.tsv: account, cookie. Prints one row per
// page: name, first-load bytes, time to interactive (ms), LCP (ms), TBT (ms), CLS.
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const [base, pagesFile, cookiesFile, lighthouse] = process.argv.slice(2);
const rows = (file) =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => line.split("\t"));
const pages = rows(pagesFile).filter(([name, , path]) => !path.startsWith("/api/") && !path.endsWith(".pdf") && name);
const cookies = new Map(rows(cookiesFile));
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const flags = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update"];

const browser = await chromium.launch({ executablePath, args: flags });

/** One first load: bytes received and the moment <html> got data-hydrated, from navigation start. */
async function firstLoad(path, cookie) {
  const context = await browser.newContext({ locale: "de-DE" });
  if (cookie) {
    const [name, value] = cookie.split(/=(.*)/s);
    await context.addCookies([{ name, value, url: base }]);
  }
  const page = await context.newPage();
  // Runs before the page's own scripts, when the document has no <html> yet: watch the whole document.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.documentElement?.hasAttribute("data-hydrated")) {
        window.__interactiveAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-hydrated"] });
  });
  let bytes = 0;
  page.on("requestfinished", async (request) => {
    const sizes = await request.sizes();
    bytes += sizes.responseBodySize + sizes.responseHeadersSize;
  });
  const response = await page.goto(`${base}${path}`);
  if (!response?.ok()) throw new Error(`${path}: ${response?.status()}`);
  await page.waitForSelector("html[data-hydrated]", { timeout: 30_000 });
  await page.waitForLoadState("networkidle");
  const interactive = await page.evaluate(() => window.__interactiveAt);
  await context.close();
  return { bytes, interactive };
}

/** Lighthouse's run, tried up to three times: its trace sometimes misses the navigation (NO_NAVSTART). */
function lighthouseRun(path, cookie) {
  for (let attempt = 1; ; attempt++) {
    try {
      return lighthouseOnce(path, cookie);
    } catch (error) {
      if (attempt === 3) {
        console.error(`lighthouse gave up on ${path}: ${error.message}`);
        return { lcp: NaN, tbt: NaN, cls: NaN };
      }
    }
  }
}

/** Lighthouse's desktop preset, performance only; the cookie as an extra header. */
function lighthouseOnce(path, cookie) {
  const dir = mkdtempSync(join(tmpdir(), "lighthouse-"));
  try {
    const out = join(dir, "report.json");
    const args = [
      `${base}${path}`,
      "--preset=desktop",
      "--only-categories=performance",
      "--output=json",
      `--output-path=${out}`,
      "--quiet",
      `--chrome-flags=--headless=new ${flags.join(" ")}`,
    ];
    if (cookie) args.push(`--extra-headers=${JSON.stringify({ Cookie: cookie })}`);
    execFileSync(lighthouse, args, { env: { ...process.env, CHROME_PATH: executablePath }, stdio: ["ignore", "ignore", "inherit"] });
    const audits = JSON.parse(readFileSync(out, "utf8")).audits;
    return {
      lcp: audits["largest-contentful-paint"].numericValue,
      tbt: audits["total-blocking-time"].numericValue,
      cls: audits["cumulative-layout-shift"].numericValue,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const [name, account, path] of pages) {
  const cookie = account ? cookies.get(account) : undefined;
  // The second of two loads: the first warms the server's own caches, not the browser's (a fresh context).
  await firstLoad(path, cookie);
  const { bytes, interactive } = await firstLoad(path, cookie);
  const { lcp, tbt, cls } = lighthouse ? lighthouseRun(path, cookie) : { lcp: NaN, tbt: NaN, cls: NaN };
  console.log([name, bytes, interactive.toFixed(0), lcp.toFixed(0), tbt.toFixed(0), cls.toFixed(3)].join("\t"));
}
await browser.close();
