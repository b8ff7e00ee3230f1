// `npm install && npm start` must fetch Electron's binary: npm 11 runs a dependency's install script
// only as package.json's `allowScripts` says. This reads the policy and npm's own list of scripts it
// has not been told about, so a dependency update that adds or renames a script fails here, not on
// a focal point's machine.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { scriptApproval } from '../../scripts/electron-status.mjs';

const root = path.resolve(__dirname, '../..');

/** Install scripts the app cannot do without, and why. */
const NEEDED: Record<string, string> = {
  electron: 'downloads the Electron binary that `npm start` launches',
};

const Manifest = z.object({
  allowScripts: z.record(z.string(), z.boolean()),
  devDependencies: z.record(z.string(), z.string()),
});
const Lockfile = z.object({ packages: z.record(z.string(), z.object({ version: z.string().optional() }).passthrough()) });
const Pending = z.object({ allowScripts: z.array(z.object({ name: z.string() }).passthrough()) });

const manifest = Manifest.parse(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')));
const lockfile = Lockfile.parse(JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')));

function lockedVersion(name: string): string {
  const version = lockfile.packages[`node_modules/${name}`]?.version;
  if (!version) throw new Error(`${name} is not in package-lock.json`);
  return version;
}

describe('install scripts (package.json allowScripts)', () => {
  it.each(Object.keys(NEEDED))('approves the install script of %s at the version in package-lock.json', (name) => {
    expect(scriptApproval(manifest.allowScripts, name, lockedVersion(name)), NEEDED[name]).toBe(true);
  });

  it("pins Electron's version in devDependencies, since the approval is by name", () => {
    // npm can check a pinned approval (electron@41.7.1) only against the registry URL in the
    // lockfile, which this project's lockfile omits; the exact version here is the pin instead.
    expect(manifest.devDependencies.electron).toBe(lockedVersion('electron'));
  });

  it('decides every entry with true or false, by name or exact version: npm ignores ranges', () => {
    for (const key of Object.keys(manifest.allowScripts)) {
      expect(key).toMatch(/^(@[\w.-]+\/)?[\w.-]+(@\d+\.\d+\.\d+)?$/);
    }
  });

  it('leaves no installed package with an install script undecided (`npm install-scripts ls`)', () => {
    const out = execFileSync('npm', ['install-scripts', 'ls', '--json'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, npm_config_update_notifier: 'false' },
    });
    const pending = Pending.parse(JSON.parse(out)).allowScripts.map((p) => p.name);
    expect(pending).toEqual([]);
  });
});
