// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
//
// Starts Debian's headless Chromium for the browser checks through puppeteer-core. Environment: CHROMIUM, the
// browser's executable; PUPPETEER_DIR, a directory whose node_modules holds puppeteer-core (installed there by
// ./run-tests, outside the repository).
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(path.join(process.env.PUPPETEER_DIR, "package.json"));
const puppeteer = require("puppeteer-core");

export function launchChromium() {
  return puppeteer.launch({
    executablePath: process.env.CHROMIUM,
    headless: true,
    // Over a pipe rather than a port: Chromium ends when node does, however node ends.
    pipe: true,
    // CI runs as root, where Chromium's sandbox cannot start.
    args: ["--no-sandbox", "--disable-gpu"],
  });
}
