#!/usr/bin/env node
"use strict";
// The compiled CLI lives in dist/ (built by `npm ci` through the prepare script).
const { main } = require("../dist/cli/main.js");
process.exitCode = main(process.argv.slice(2));
