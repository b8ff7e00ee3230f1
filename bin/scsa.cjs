#!/usr/bin/env node
// The `scsa` command: runs the built command line, or says how to build it.
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const built = path.join(__dirname, '..', 'dist', 'cli', 'scsa.cjs');
if (!fs.existsSync(built)) {
  process.stderr.write('scsa: the command line is not built yet. Run "npm run build" in the project folder, then try again.\n');
  process.exit(2);
}
require(built);
