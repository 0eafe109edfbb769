// Every page, loaded afresh by each kind of user, hydrates (or, served static, is enhanced) without an error or
// a warning in the console (issue 10: with every page a lazy route, hydration first fetches the page's modules;
// a mismatch between the server's markup and the browser's view shows up here as a warning or a panic).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { BASE, launch, signIn, waitForHydration } from "./support.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const uuid = "[0-9a-f-]{36}";

/**
 * The pages to load for one user. A path with an id is taken from the links on the pages before it (the first
 * that matches; with `all:`, every one that matches).
 */
const USERS = [
  [null, ["/", "/dresden", "/dresden/calls", `/dresden/calls/${uuid}`, "/dresden/districts", "/dresden/sign-in",
    "/dresden/register", "/dresden/forgot-password"]],
  ["traeger1@dresden.demo", ["/dresden", "/dresden/bids", `/dresden/bids/${uuid}`, "/dresden/organisation",
    "/dresden/notifications", "/dresden/account"]],
  ["steuerung1@dresden.demo", ["/dresden", "/dresden/calls", `all:/dresden/calls/${uuid}`, `/dresden/calls/${uuid}/bids`,
    `all:/dresden/calls/${uuid}/evaluation`, `/dresden/calls/${uuid}/ranking`,
    `/dresden/calls/${uuid}/ranking/recommendation\\?lot=${uuid}`, "/dresden/reports",
    `/dresden/reports/${uuid}`, "/dresden/controlling", "/dresden/controlling/committee-report",
    "/dresden/controlling/committee-report/text"]],
  ["koordination1@dresden.demo", ["/dresden", "/dresden/reports", `/dresden/reports/${uuid}`, "/dresden/reports/compliance",
    "/dresden/reports/figures", "/dresden/exchange", `/dresden/exchange/${uuid}`, "/dresden/notifications"]],
  ["admin@dresden.demo", ["/dresden/admin", "/dresden/admin/users", "/dresden/admin/users/invite",
    `/dresden/admin/users/${uuid}`,
    "/dresden/admin/districts", "/dresden/admin/steering", "/dresden/admin/settings", "/dresden/admin/audit",
    "/dresden/admin/calls", `/dresden/admin/calls/${uuid}`, "/dresden/admin/organisations", "/dresden/posts",
    "/dresden", `/dresden/calls/${uuid}/ranking`, "/dresden/controlling", "/dresden/controlling/ledger",
    "/dresden/controlling/committee-report", "/dresden/controlling/import"]],
];

describe("every page hydrates cleanly on a first load", () => {
  for (const [email, paths] of USERS) {
    test(email ?? "a visitor", async () => {
      const context = await browser.newContext({ locale: "de-DE" });
      const page = await context.newPage();
      if (email) await signIn(page, email);
      const messages = [];
      page.on("console", (message) => {
        if (["error", "warning"].includes(message.type())) messages.push(`${page.url()}: ${message.text()}`);
      });
      page.on("pageerror", (error) => messages.push(`${page.url()}: ${error}`));
      let links = [];
      const load = async (path) => {
        const response = await page.goto(`${BASE}${path}`);
        assert.equal(response.status(), 200, path);
        await waitForHydration(page);
        await page.waitForLoadState("networkidle");
        links = links.concat(await page.$$eval("a[href^='/']", (anchors) => anchors.map((a) => a.getAttribute("href"))));
      };
      for (const entry of paths) {
        const every = entry.startsWith("all:");
        const pattern = every ? entry.slice(4) : entry;
        if (!pattern.includes(uuid)) {
          await load(pattern);
          continue;
        }
        const matching = [...new Set(links.filter((link) => new RegExp(`^${pattern}$`).test(link)))];
        assert.ok(matching.length > 0, `a link like ${pattern} on the pages before`);
        for (const path of every ? matching : matching.slice(0, 1)) await load(path);
      }
      assert.deepEqual(messages, []);
      await context.close();
    });
  }
});
