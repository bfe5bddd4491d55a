// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
//
// Opens pyspy4j HTML reports in headless Chromium, uses them as a person would (search, a click on a frame, the
// table's headers, the thread filter, a function's source lines) and prints what it saw as one JSON object on
// standard output. It judges nothing: HtmlReportBrowserIT asserts on the observations, so a failure names what
// differed.
//
//   node html-report-check.mjs REPORT.html "FRAME TO CLICK" "SEARCH TERM" "FUNCTION FOR LINES" THREAD-INDEX \
//        EMPTY.html NOLINENO.html HOSTILE.html DEEP.html SCREENSHOT.png
//   node html-report-check.mjs --screenshot REPORT.html SCREENSHOT.png WIDTH HEIGHT
//
// Environment: as chromium.mjs says.
import { pathToFileURL } from "node:url";
import { launchChromium } from "./chromium.mjs";

const WIDTH = 1400;
const HEIGHT = 900;

// Opens a report, recording every console message, page error and request other than the page itself.
async function open(browser, file, width = WIDTH, height = HEIGHT) {
  const page = await browser.newPage();
  const seen = { console: [], errors: [], requests: [] };
  const url = pathToFileURL(file).href;
  page.on("console", (message) => seen.console.push(`${message.type()}: ${message.text()}`));
  page.on("pageerror", (error) => seen.errors.push(String(error)));
  page.on("requestfailed", (request) => seen.errors.push(`request failed: ${request.url()}`));
  page.on("request", (request) => {
    if (request.url() !== url) seen.requests.push(request.url());
  });
  await page.setViewport({ width, height });
  await page.goto(url, { waitUntil: "load" });
  return { page, seen };
}

function observe(page) {
  return page.evaluate(() => {
    const text = (id) => document.getElementById(id).textContent;
    const canvas = document.getElementById("canvas").getBoundingClientRect();
    const rows = Array.from(document.querySelectorAll("#functions tbody tr")).map((tr) =>
      Array.from(tr.children).map((td) => td.textContent));
    const lines = Array.from(document.querySelectorAll("#lines tbody tr")).map((tr) =>
      Array.from(tr.children).map((td) => td.textContent));
    return {
      title: document.title,
      summary: text("summary"),
      matched: text("matched"),
      details: text("details"),
      resetShown: !document.getElementById("reset").hidden,
      canvas: { left: canvas.left, right: canvas.right, width: canvas.width, height: canvas.height,
        pixelHeight: document.getElementById("canvas").height },
      graphNote: document.getElementById("graph-note").hidden ? "" : text("graph-note"),
      frames: window.pyspy4jReport.drawnFrames(),
      sortedBy: Array.from(document.querySelectorAll("#functions th"))
        .filter((th) => th.getAttribute("aria-sort") !== "none")
        .map((th) => `${th.dataset.key} ${th.getAttribute("aria-sort")}`),
      rows,
      functionsNote: text("functions-note"),
      sourceTitle: text("source-title"),
      sourceNote: text("source-note"),
      lines,
      threads: Array.from(document.querySelectorAll("#thread option")).map((o) => o.textContent),
      noSamplesShown: !document.getElementById("no-samples").hidden,
    };
  });
}

function centreOf(frames, label) {
  const frame = frames.find((f) => f.label === label);
  if (!frame) throw new Error(`no drawn frame labelled ${label} among ${frames.map((f) => f.label)}`);
  return { x: (frame.left + frame.right) / 2, y: (frame.top + frame.bottom) / 2 };
}

async function clickHeader(page, key) {
  await page.click(`#functions th[data-key="${key}"]`);
}

async function clickRow(page, name) {
  const clicked = await page.evaluate((wanted) => {
    for (const tr of document.querySelectorAll("#functions tbody tr")) {
      if (tr.children[0].textContent === wanted) { tr.children[0].click(); return true; }
    }
    return false;
  }, name);
  if (!clicked) throw new Error(`no table row for ${name}`);
}

async function check(browser, args) {
  const [report, clickLabel, searchTerm, lineFunction, threadIndex, emptyReport, noLinesReport, hostileReport,
    deepReport, screenshot] = args;
  const seen = {};
  const { page, seen: log } = await open(browser, report);
  seen.loaded = await observe(page);
  // Search: typed as a person types it.
  await page.type("#search", searchTerm);
  seen.searched = await observe(page);
  // A click on a frame zooms into it.
  const centre = centreOf(seen.searched.frames, clickLabel);
  await page.mouse.move(centre.x, centre.y);
  seen.hoverDetails = await page.evaluate(() => document.getElementById("details").textContent);
  await page.mouse.click(centre.x, centre.y);
  seen.zoomed = await observe(page);
  await page.click("#view-icicle");
  seen.icicle = await observe(page);
  await page.click("#view-flame");
  await page.keyboard.press("Escape");
  seen.escaped = await observe(page);
  // The table sorts on its headers.
  await clickHeader(page, "name");
  seen.sortedByName = await observe(page);
  await clickHeader(page, "name");
  seen.sortedByNameDescending = await observe(page);
  await clickHeader(page, "total");
  seen.sortedByTotal = await observe(page);
  // A function's lines.
  await clickRow(page, lineFunction);
  seen.lines = await observe(page);
  await page.screenshot({ path: screenshot });
  // One thread.
  await page.select("#thread", threadIndex);
  seen.oneThread = await observe(page);
  await page.select("#thread", "-1");
  seen.allAgain = await observe(page);
  seen.log = log;
  await page.close();

  for (const [name, file] of [["empty", emptyReport], ["noLines", noLinesReport], ["hostile", hostileReport],
    ["deep", deepReport]]) {
    const other = await open(browser, file);
    seen[name] = await observe(other.page);
    seen[name].log = other.seen;
    seen[name].injected = await other.page.evaluate(() => window.injected === true
      || document.querySelectorAll("#functions img, #functions script, #lines img, b").length > 0);
    await other.page.close();
  }
  seen.browser = await browser.version();
  return seen;
}

async function screenshotOnly(browser, [report, file, width, height]) {
  const { page, seen } = await open(browser, report, Number(width), Number(height));
  await page.screenshot({ path: file });
  await page.close();
  return seen;
}

async function main() {
  const browser = await launchChromium();
  try {
    const args = process.argv.slice(2);
    const seen = args[0] === "--screenshot" ? await screenshotOnly(browser, args.slice(1)) : await check(browser, args);
    process.stdout.write(JSON.stringify(seen) + "\n");
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  process.stderr.write(`html-report-check: ${error.stack || error}\n`);
  process.exit(1);
});
