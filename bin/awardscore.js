#!/usr/bin/env node
// The headless command; its code is compiled to lib/ by `npm install` (the prepare script).
require("../lib/cli/main.js");
