// Lighthouse on several pages with one Chromium (ADR 0020): the e2e suite's LighthouseTests writes the pages to a JSON
// file, [{ "name": ..., "url": ..., "headers": { "Cookie": ... } }], and reads this script's answer on stdout: per page,
// the score of each category and the audits that cost points. The same as running, for each page,
//   CHROME_PATH=/usr/bin/chromium npx lighthouse URL --only-categories=accessibility,best-practices \
//     --chrome-flags="--headless=new --no-sandbox" --extra-headers='{"Cookie":"..."}'
// without starting Chromium and Node again for each page.
// Usage: CHROME_PATH=/usr/bin/chromium node lighthouse-pages.mjs pages.json
import { readFileSync } from "node:fs";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const pages = JSON.parse(readFileSync(process.argv[2], "utf8"));
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

// What a failing audit points at: a few of its items (selector, URL or text), so the test's message says where.
function where(audit) {
  const items = audit.details?.items ?? [];
  return items.slice(0, 5).map((item) =>
    item.node?.selector ?? item.node?.snippet ?? item.url ?? item.source?.url ?? item.description ?? JSON.stringify(item).slice(0, 160));
}

const results = [];
try {
  for (const page of pages) {
    const run = await lighthouse(page.url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["accessibility", "best-practices"],
      extraHeaders: page.headers ?? {},
      // Nothing here scores speed: no full-page screenshot, no blank page between runs.
      disableFullPageScreenshot: true,
      skipAboutBlank: true,
    });
    const lhr = run.lhr;
    const scores = {};
    const failing = [];
    for (const [id, category] of Object.entries(lhr.categories)) {
      scores[id] = category.score;
      for (const ref of category.auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          failing.push({ category: id, audit: ref.id, title: audit.title, where: where(audit) });
        }
      }
    }

    results.push({ name: page.name, url: page.url, finalUrl: lhr.finalDisplayedUrl, scores, failing, runtimeError: lhr.runtimeError?.message ?? null });
  }
} finally {
  await chrome.kill();
}

process.stdout.write(JSON.stringify(results));
