#!/usr/bin/env node
// The `scsa` command: runs the built command line, or says (in the user's language) how to build it.
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const root = path.join(__dirname, '..');
const built = path.join(root, 'dist', 'cli', 'scsa.cjs');

/** The value of `flag` on the line (`--flag L` or `--flag=L`), if given; `beforeCommand` stops at the first non-option. */
function flagValue(args, flag, beforeCommand) {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--' || (beforeCommand && !arg.startsWith('-'))) return undefined;
    if (arg === flag) return args[i + 1];
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
  }
  return undefined;
}

/**
 * The "not built" message from locales/<lng>/cli.json in the language of messages, chosen as the built
 * command line chooses it: --ui-lang, then --lang before the command (its older spelling), then
 * SCSA_LANG, then English.
 */
function notBuiltMessage() {
  const args = process.argv.slice(2);
  const wanted = flagValue(args, '--ui-lang', false) ?? flagValue(args, '--lang', true) ?? process.env.SCSA_LANG ?? 'en';
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
