#!/usr/bin/env node
// The `scsa` command: runs the built command line, or says (in the user's language) how to build it.
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const root = path.join(__dirname, '..');
const built = path.join(root, 'dist', 'cli', 'scsa.cjs');

/** The "not built" message from locales/<lng>/cli.json; --lang, then SCSA_LANG, then English. */
function notBuiltMessage() {
  const args = process.argv.slice(2);
  const at = args.indexOf('--lang');
  const inline = args.find((a) => a.startsWith('--lang='));
  const wanted = (at >= 0 ? args[at + 1] : inline ? inline.slice('--lang='.length) : process.env.SCSA_LANG) || 'en';
  for (const lng of [wanted, 'en']) {
    if (!/^(ar|zh|en|fr|ru|es)$/.test(lng)) continue;
    try {
      const text = JSON.parse(fs.readFileSync(path.join(root, 'locales', lng, 'cli.json'), 'utf8')).errors.notBuilt;
      if (typeof text === 'string') return text.replace('{{command}}', 'npm run build');
    } catch {
      // Try English next; the last resort below needs no file at all.
    }
  }
  return 'The command line is not built yet. Run "npm run build" in the project folder, then try again.';
}

if (!fs.existsSync(built)) {
  process.stderr.write(`scsa: ${notBuiltMessage()}\n`);
  process.exit(2);
}
require(built);
