// Lighthouse on several pages, one after another, in the one Chromium the caller started with
// --remote-debugging-port (tests/browser/test_lighthouse.py). Each run opens its own tab and clears the site's
// storage and the browser's cache first, as the command-line tool does; only Node and Chromium start once.
//
// Usage: node tests/browser/lighthouse_pages.mjs PORT OUT_DIR URL...
// Writes OUT_DIR/<n>.json, the report of the n-th URL (from 0).

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import lighthouse from "lighthouse";

const [port, outDir, ...urls] = process.argv.slice(2);
const flags = {
  port: Number(port),
  output: "json",
  onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
  maxWaitForLoad: 30000,
  disableFullPageScreenshot: true,
  logLevel: "error",
};

for (const [number, url] of urls.entries()) {
  const result = await lighthouse(url, flags);
  writeFileSync(join(outDir, `${number}.json`), JSON.stringify(result.lhr));
}
