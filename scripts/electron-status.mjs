// Why `npm start` cannot launch Electron, told apart so the one line it prints leads somewhere.
// Electron's binary is not in the npm package: its install script downloads it from GitHub, and
// npm 11 runs a dependency's install script only as package.json's `allowScripts` says. So the
// binary can be missing because that script was not approved, because ELECTRON_SKIP_BINARY_DOWNLOAD
// told it not to download, or because the download failed (npm then rolls the whole install back,
// which leaves no node_modules at all).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const EXACT = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

/**
 * Whether `allowScripts` approves the install script of `name` at `version`, as npm 11 reads it:
 * true when an entry approves it, false when one denies it (a denial wins), null when none matches.
 * Keys are `name`, `name@*`, `name@1.2.3` or `name@1.2.3 || 1.2.4`; npm ignores ranges (^, ~, >=).
 */
export function scriptApproval(allowScripts, name, version) {
  if (!allowScripts || typeof allowScripts !== 'object') return null;
  let allowed = false;
  for (const [key, value] of Object.entries(allowScripts)) {
    if (!keyMatches(key, name, version)) continue;
    if (value === false) return false;
    if (value === true) allowed = true;
  }
  return allowed ? true : null;
}

function keyMatches(key, name, version) {
  const at = key.indexOf('@', key.startsWith('@') ? 1 : 0);
  const keyName = at < 0 ? key : key.slice(0, at);
  if (keyName !== name) return false;
  const spec = at < 0 ? '' : key.slice(at + 1).trim();
  if (spec === '' || spec === '*') return true;
  const versions = spec.split('||').map((v) => v.trim());
  return versions.every((v) => EXACT.test(v)) && versions.includes(version);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Where the app's Electron stands, for the project folder `root`:
 * `{ kind: 'ready', binary }`, or why not: 'no-dependencies' (npm install never completed, as after
 * a failed download), 'script-not-approved', 'download-skipped', 'download-missing'.
 */
export function electronStatus(root, env = process.env) {
  let packageDir;
  try {
    packageDir = path.dirname(createRequire(path.join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return { kind: 'no-dependencies' };
  }
  const version = readJson(path.join(packageDir, 'package.json'))?.version ?? '';
  // The same resolution as the electron package's index.js, which throws where this returns null.
  const pathFile = path.join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override
    ? path.join(override, executable || 'electron')
    : executable
      ? path.join(packageDir, 'dist', executable)
      : null;
  if (binary && existsSync(binary)) return { kind: 'ready', binary };

  const allowScripts = readJson(path.join(root, 'package.json'))?.allowScripts;
  if (scriptApproval(allowScripts, 'electron', version) !== true) return { kind: 'script-not-approved', version };
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD) return { kind: 'download-skipped', version };
  return { kind: 'download-missing', version };
}

const BROWSER = 'meanwhile `npm run web` opens the app in a browser.';

/** The one line `npm start` prints for a status other than 'ready'. */
export function electronMessage(status) {
  switch (status.kind) {
    case 'no-dependencies':
      return (
        'The dependencies are not installed: run `npm install`. It downloads Electron from GitHub; if that fails ' +
        '(no internet access, a proxy), npm undoes the whole install: then run `ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm install` ' +
        'and use `npm run web` to open the app in a browser.'
      );
    case 'script-not-approved':
      return (
        `npm did not run Electron's install script, which downloads its binary: package.json's allowScripts does not approve electron@${status.version}. ` +
        `Run \`npm install-scripts approve electron\`, then \`npm rebuild electron\`; ${BROWSER}`
      );
    case 'download-skipped':
      return (
        "Electron's binary was not downloaded because ELECTRON_SKIP_BINARY_DOWNLOAD is set: unset it and run " +
        `\`npm rebuild electron\` with internet access; ${BROWSER}`
      );
    default:
      return (
        "Electron's binary is missing: its download from GitHub during `npm install` failed or was skipped. " +
        `Run \`npm rebuild electron\` with internet access (behind a proxy, see docs/packaging.md); ${BROWSER}`
      );
  }
}
