// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
//
// Opens a flame graph SVG in headless Chromium, uses it as a person would (window widths, a click, a search,
// reloading the address, resizing, embedding it in a page) and prints what it saw as one JSON object on standard
// output. It judges nothing: FlameGraphBrowserIT asserts on the observations, so a failure names what differed.
//
//   node flamegraph-check.mjs GRAPH.svg "FRAME LABEL TO CLICK" "SEARCH TERM" EMPTY-GRAPH.svg
//
// Environment: as chromium.mjs says.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { launchChromium } from "./chromium.mjs";

const [graphFile, clickLabel, searchTerm, emptyGraphFile] = process.argv.slice(2);

const NARROW = 900;
const WIDE = 1600;
const HEIGHT = 700;

// What a reader of the graph sees now: the address's query, the sizes, the buttons and every visible bar.
function observe(page) {
  return page.evaluate(() => {
    const box = (element) => {
      const rect = element.getBoundingClientRect();
      return { left: rect.left, right: rect.right };
    };
    const svg = document.documentElement;
    const frames = Array.from(document.getElementById("frames").children)
      .filter((g) => getComputedStyle(g).display !== "none")
      .map((g) => {
        const tooltip = g.querySelector("title").textContent;
        return {
          label: tooltip.substring(0, tooltip.lastIndexOf(" (")),
          text: g.querySelector("text").textContent,
          ...box(g.querySelector("rect")),
          fill: g.querySelector("rect").getAttribute("fill"),
          ancestor: g.classList.contains("ancestor"),
        };
      });
    return {
      query: location.search,
      windowWidth: window.innerWidth,
      svgWidth: svg.getBoundingClientRect().width,
      search: { ...box(document.getElementById("search")), text: document.getElementById("search").textContent },
      title: { ...box(document.getElementById("title")), text: document.getElementById("title").textContent },
      reset: box(document.getElementById("reset")),
      resetShown: getComputedStyle(document.getElementById("reset")).display !== "none",
      matched: document.getElementById("matched").textContent,
      frames,
    };
  });
}

// Lets a pending requestAnimationFrame (the redraw after a resize) run before observing.
function nextPaint(page) {
  return page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

function centreOf(page, label) {
  return page.evaluate((wanted) => {
    for (const g of document.getElementById("frames").children) {
      if (g.querySelector("title").textContent.startsWith(wanted + " (")) {
        const rect = g.querySelector("rect").getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
    }
    return null;
  }, label);
}

async function pointAt(page, label) {
  const centre = await centreOf(page, label);
  if (!centre) {
    throw new Error(`no frame labelled ${label}`);
  }
  await page.mouse.move(centre.x, centre.y);
  return centre;
}

async function observeEmbedded(browser) {
  // An <img> runs no script, so it shows the graph as written; in an <iframe> the script runs in the frame.
  const pageFile = path.join(path.dirname(graphFile), "embedded.html");
  const name = path.basename(graphFile);
  writeFileSync(pageFile, `<!DOCTYPE html><html><body style="margin:0">
<img id="image" src="${name}"><iframe id="frame" src="${name}" style="width:700px;height:300px;border:0"></iframe>
</body></html>`);
  const page = await browser.newPage();
  await page.setViewport({ width: NARROW, height: HEIGHT });
  await page.goto(pathToFileURL(pageFile).href, { waitUntil: "load" });
  const image = await page.evaluate(() => {
    const img = document.getElementById("image");
    return { naturalWidth: img.naturalWidth, width: img.getBoundingClientRect().width };
  });
  const inner = page.frames().find((frame) => frame !== page.mainFrame());
  const framed = await inner.evaluate(() => ({
    svgWidth: document.documentElement.getBoundingClientRect().width,
    searchRight: document.getElementById("search").getBoundingClientRect().right,
  }));
  await page.close();
  return { image, framed };
}

async function main() {
  const browser = await launchChromium();
  try {
    const seen = {};
    const page = await browser.newPage();
    page.on("dialog", (dialog) => dialog.accept(searchTerm));
    await page.setViewport({ width: NARROW, height: HEIGHT });
    await page.goto(pathToFileURL(graphFile).href, { waitUntil: "load" });
    seen.narrow = await observe(page);
    const centre = await pointAt(page, clickLabel);
    seen.hoverDetails = await page.evaluate(() => document.getElementById("details").textContent);
    await page.mouse.click(centre.x, centre.y);
    seen.zoomed = await observe(page);
    await page.reload({ waitUntil: "load" });
    seen.zoomReloaded = await observe(page);
    await page.click("#search");
    seen.searched = await observe(page);
    await page.reload({ waitUntil: "load" });
    seen.searchReloaded = await observe(page);
    await page.setViewport({ width: WIDE, height: HEIGHT });
    await nextPaint(page);
    seen.resizedWide = await observe(page);
    await page.keyboard.press("Escape");
    seen.escaped = await observe(page);
    await page.close();

    const wide = await browser.newPage();
    await wide.setViewport({ width: WIDE, height: HEIGHT });
    await wide.goto(pathToFileURL(graphFile).href, { waitUntil: "load" });
    seen.wide = await observe(wide);
    await wide.close();

    const empty = await browser.newPage();
    await empty.setViewport({ width: NARROW, height: HEIGHT });
    await empty.goto(pathToFileURL(emptyGraphFile).href, { waitUntil: "load" });
    seen.empty = await empty.evaluate(() => {
      const rect = document.getElementById("message").getBoundingClientRect();
      return { windowWidth: window.innerWidth, text: document.getElementById("message").textContent,
        centre: (rect.left + rect.right) / 2 };
    });
    await empty.close();

    seen.embedded = await observeEmbedded(browser);
    seen.browser = await browser.version();
    process.stdout.write(JSON.stringify(seen) + "\n");
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  process.stderr.write(`flamegraph-check: ${error.stack || error}\n`);
  process.exit(1);
});
