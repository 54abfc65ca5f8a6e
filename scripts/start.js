#!/usr/bin/env node
/**
 * `npm start`. On Windows and macOS with office-addin-debugging installed, it
 * sideloads the add-in into Excel desktop (the office-addin-debugging
 * convention). Elsewhere (Linux has no Excel desktop) it serves the add-in over
 * https on localhost:3000 and says how to sideload it into Excel on the web.
 */
"use strict";
const { spawn } = require("child_process");

function run(command, args) {
  const child = spawn(command, args, { stdio: "inherit", shell: process.platform === "win32" });
  child.on("exit", (code) => process.exit(code ?? 0));
}

let debugging = null;
try {
  debugging = require.resolve("office-addin-debugging/cli");
} catch {
  debugging = null;
}

if (debugging !== null && (process.platform === "win32" || process.platform === "darwin")) {
  run(process.execPath, [debugging, "start", "manifest.xml", "desktop", "--app", "excel", "--dev-server", "npm run dev-server"]);
} else {
  console.log(
    [
      "Serving the add-in at https://localhost:3000/ (Ctrl+C to stop).",
      "Preview without Excel: https://localhost:3000/preview.html — the real ribbon command and pane on a fake Excel",
      "holding the sample card 2018_ZN12 (drop any .xlsx on the page to check it instead).",
      "To try it in Excel on the web: open a workbook, Home > Add-ins > More Add-ins > Upload My Add-in,",
      "and upload manifest.xml from this folder. Your browser must trust the localhost certificate:",
      "open https://localhost:3000/taskpane.html once and accept it, or run `npx office-addin-dev-certs install`.",
    ].join("\n"),
  );
  run("npx", ["webpack", "serve", "--mode", "development"]);
}
