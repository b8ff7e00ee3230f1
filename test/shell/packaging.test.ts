// Packaging smoke test: electron-builder's `dir` target against a stub Electron, then a look inside app.asar.
import { promises as fs, existsSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { execFile, execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import asar from '@electron/asar';
import { LANGUAGES } from '../../core/i18n/languages';

const run = promisify(execFile);
const TEST_PUBLIC_KEY = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
const root = path.resolve(__dirname, '../..');
const require = createRequire(import.meta.url);

let tmp = '';
let archive = '';
let entries: Set<string> = new Set();
let unpacked = '';
/** Every production package (dependencies of dependencies too), as `node_modules/…` folders of the staged project. */
let production: string[] = [];

/** index.html and every asset it names, so a copy taken during someone's rebuild is detected. */
async function rendererIsComplete(dir: string): Promise<boolean> {
  const html = await fs.readFile(path.join(dir, 'index.html'), 'utf8').catch(() => '');
  const refs = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((m) => m[1]!);
  if (refs.length === 0) return false;
  return refs.every((ref) => existsSync(path.join(dir, ref)));
}

/** A private copy of what electron-builder reads, so builds by others in this checkout cannot interfere. */
async function stageProject(project: string): Promise<void> {
  await fs.mkdir(project, { recursive: true });
  for (const file of ['package.json', 'package-lock.json']) await fs.copyFile(path.join(root, file), path.join(project, file));
  for (const dir of ['locales', 'build']) await fs.cp(path.join(root, dir), path.join(project, dir), { recursive: true });
  // The production dependencies installed afresh, as on a machine that builds the installers (from
  // npm's cache where it holds them). A link to the checkout's node_modules made npm, and so
  // electron-builder, see every package as extraneous once a tool had written its cache in there:
  // the app was packed without its dependencies' dependencies.
  await run('npm', ['ci', '--omit=dev', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund'], {
    cwd: project,
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    timeout: 240_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  for (let attempt = 0; attempt < 3; attempt++) {
    await fs.rm(path.join(project, 'dist'), { recursive: true, force: true });
    await fs.cp(path.join(root, 'dist'), path.join(project, 'dist'), { recursive: true });
    if (await rendererIsComplete(path.join(project, 'dist/renderer'))) return;
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
  throw new Error('dist/renderer kept changing while being copied');
}

const BUILDER_SCRIPT = `
const { build, Platform } = require(process.env.BUILDER_MODULE);
const options = JSON.parse(process.env.BUILDER_OPTIONS);
build({ ...options, targets: Platform.LINUX.createTarget('dir') }).then(
  () => process.exit(0),
  (err) => { process.stderr.write(String(err && err.message) + '\\n'); process.exit(1); },
);
`;

beforeAll(async () => {
  if (!existsSync(path.join(root, 'dist/electron/main.cjs')) || !existsSync(path.join(root, 'dist/renderer/index.html'))) {
    execFileSync(process.execPath, ['scripts/build.mjs', '--quiet'], { cwd: root, stdio: 'inherit' });
  }
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-package-'));
  const project = path.join(tmp, 'project');
  await stageProject(project);
  const { stdout: listed } = await run('npm', ['ls', '--omit=dev', '--omit=peer', '--all', '--parseable'], { cwd: project, maxBuffer: 16 * 1024 * 1024 });
  production = listed
    .split('\n')
    .map((line) => path.relative(project, line.trim()).replace(/\\/g, '/'))
    .filter((rel) => rel.startsWith('node_modules/'));
  // A key in the staged copy only (never in the repository): the build must carry it, and only it.
  await fs.writeFile(path.join(project, 'build', 'trust', 'test-only.pub.pem'), TEST_PUBLIC_KEY);
  // What electron-builder needs of an Electron distribution for `dir`: the `electron` executable,
  // which it copies and renames after the product. Fuses cannot be flipped in a stub, hence null.
  const electronDist = path.join(tmp, 'electron-dist');
  await fs.mkdir(electronDist);
  await fs.writeFile(path.join(electronDist, 'electron'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  const output = path.join(tmp, 'out');
  const script = path.join(tmp, 'package.cjs');
  await fs.writeFile(script, BUILDER_SCRIPT);
  const options = {
    projectDir: project,
    config: {
      extends: path.join(project, 'build/electron-builder.yml'),
      electronFuses: null,
      electronDist,
      directories: { output },
    },
  };
  await run(process.execPath, [script], {
    cwd: project,
    env: {
      ...process.env,
      BUILDER_MODULE: require.resolve('electron-builder'),
      BUILDER_OPTIONS: JSON.stringify(options),
      ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
    },
    timeout: 280_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  unpacked = path.join(output, 'linux-unpacked');
  archive = path.join(unpacked, 'resources', 'app.asar');
  entries = new Set(asar.listPackage(archive, { isPack: false }).map((p) => p.replace(/\\/g, '/')));
}, 300_000);

afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

/**
 * The TTFs core/pdf/text/fonts.ts resolves, read from its FILES table ([package, regular, bold] per
 * face), so the package is checked against what the PDF really loads.
 */
function pdfFontFiles(): Array<{ pkg: string; files: string[] }> {
  const source = readFileSync(path.join(root, 'core/pdf/text/fonts.ts'), 'utf8');
  return [...source.matchAll(/\['(@expo-google-fonts\/[a-z-]+)', '([^']+\.ttf)', '([^']+\.ttf)'\]/g)].map(([, pkg = '', regular, bold]) => ({
    pkg,
    files: [`/node_modules/${pkg}/${regular}`, `/node_modules/${pkg}/${bold}`],
  }));
}

const has = (p: string): boolean => entries.has(p);
const under = (prefix: string, suffix = ''): string[] => [...entries].filter((p) => p.startsWith(prefix) && p.endsWith(suffix));

describe('packaged app (linux dir, stub Electron)', () => {
  it('produces the product executable and app.asar', () => {
    expect(existsSync(path.join(unpacked, 'safer-cities-self-assessment'))).toBe(true);
    expect(existsSync(archive)).toBe(true);
  });

  it('holds the main process and preload, with package.json pointing at main', () => {
    expect(has('/dist/electron/main.cjs')).toBe(true);
    expect(has('/dist/electron/preload.cjs')).toBe(true);
    const pkg = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as { main: string };
    expect(has('/' + path.posix.normalize(pkg.main))).toBe(true);
  });

  it('holds the renderer: index.html and every asset it loads', () => {
    expect(has('/dist/renderer/index.html')).toBe(true);
    const html = asar.extractFile(archive, 'dist/renderer/index.html').toString('utf8');
    const refs = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(refs.some((r) => r.endsWith('.js'))).toBe(true);
    for (const ref of refs) expect(has(`/dist/renderer/${ref}`), ref).toBe(true);
    expect(under('/dist/renderer/assets/', '.woff2').length).toBeGreaterThan(0);
  });

  it('holds the locales of all six languages', () => {
    const common = readdirSync(path.join(root, 'locales', 'en')).filter((f) => f.endsWith('.json'));
    expect(common.length).toBeGreaterThan(0);
    for (const lng of LANGUAGES) {
      for (const file of common) expect(has(`/locales/${lng}/${file}`), `${lng}/${file}`).toBe(true);
    }
  });

  it('holds exactly the PDF font files the PDF module embeds, for Latin and Cyrillic, Chinese and Arabic', () => {
    const needed = pdfFontFiles();
    expect(needed.map((f) => f.pkg).sort()).toEqual(['@expo-google-fonts/amiri', '@expo-google-fonts/noto-sans', '@expo-google-fonts/noto-sans-sc']);
    // The needed weights are there, and no other font file of these packages.
    expect(under('/node_modules/@expo-google-fonts/', '.ttf').sort()).toEqual(needed.flatMap((f) => f.files).sort());
    // Each with its licence, which the OFL requires to travel with the font.
    for (const { pkg } of needed) expect(has(`/node_modules/${pkg}/LICENSE_FONT`), pkg).toBe(true);
    expect(under('/node_modules/@expo-google-fonts/', '.png')).toEqual([]);
  });

  it('ships the UI fonts as woff2 only', () => {
    expect(under('/dist/renderer/', '.woff')).toEqual([]);
    const css = under('/dist/renderer/assets/', '.css').map((p) => asar.extractFile(archive, p.slice(1)).toString('utf8')).join('\n');
    expect(css).toContain('.woff2');
    expect(css).not.toMatch(/\.woff\)|format\(["']?woff["']?\)/);
  });

  it('carries the trust list for signed checklist packs beside app.asar, public keys only', () => {
    const trust = path.join(unpacked, 'resources', 'trust');
    expect(readdirSync(trust)).toEqual(['test-only.pub.pem']);
    expect(readFileSync(path.join(trust, 'test-only.pub.pem'), 'utf8')).toBe(TEST_PUBLIC_KEY);
    expect(under('/build/')).toEqual([]);
  });

  it('packs every production dependency, down to dependencies of dependencies (the UI fonts aside)', () => {
    // Also aside: type definitions npm installs as peers of i18next and the React libraries, which
    // nothing loads at run time (electron-builder leaves them out).
    const typesOnly = /(^|\/)(typescript|csstype|@types\/[^/]+)$/;
    const wanted = production.filter((rel) => !rel.startsWith('node_modules/@fontsource/') && !typesOnly.test(rel));
    expect(wanted).toContain('node_modules/fontkit');
    // electron-builder may place a nested copy elsewhere in the tree: each package is looked for by name.
    const packed = new Set([...entries].filter((p) => p.endsWith('/package.json')).map((p) => p.slice(p.lastIndexOf('/node_modules/') + 14, -13)));
    const missing = wanted.map((rel) => rel.slice(rel.lastIndexOf('node_modules/') + 13)).filter((name) => !packed.has(name));
    expect(missing).toEqual([]);
  });

  it.skipIf(process.platform !== 'linux' || process.arch !== 'x64')('unpacks the native CRC-32 beside the archive, where the import\'s worker threads load it', () => {
    const dir = path.join(unpacked, 'resources', 'app.asar.unpacked', 'node_modules', '@node-rs');
    const binaries = readdirSync(path.join(dir, 'crc32-linux-x64-gnu')).filter((f) => f.endsWith('.node'));
    expect(binaries.length).toBe(1);
    const mod = require(path.join(dir, 'crc32-linux-x64-gnu', binaries[0] as string)) as { crc32: (b: Buffer) => number };
    expect(mod.crc32(Buffer.from('123456789')) >>> 0).toBe(0xcbf43926);
    expect(has('/node_modules/@node-rs/crc32/package.json')).toBe(true);
  });

  it('leaves out development-only code and duplicates', () => {
    expect(under('/dist/web-host/')).toEqual([]);
    expect(under('/', '.map')).toEqual([]);
    expect(under('/node_modules/@fontsource/')).toEqual([]);
    expect(under('/node_modules/electron/')).toEqual([]);
  });
});

describe('builder config (what the smoke test cannot run)', () => {
  const load = require('js-yaml') as { load: (text: string) => unknown };
  const config = load.load(readFileSync(path.join(root, 'build/electron-builder.yml'), 'utf8')) as Record<string, unknown>;

  it('flips the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
  });

  it('targets Windows NSIS and portable, macOS dmg, Linux AppImage and deb', () => {
    expect(config).toMatchObject({
      win: { target: expect.arrayContaining(['nsis', 'portable']) },
      mac: { target: expect.arrayContaining(['dmg']) },
      linux: { target: expect.arrayContaining(['AppImage', 'deb']) },
    });
  });

  it('opens review copies (.scsa-review) with the app; replies are opened from the merge screen, not associated', () => {
    const associations = (config as { fileAssociations?: Array<{ ext: string }> }).fileAssociations ?? [];
    expect(associations.map((a) => a.ext)).toEqual(['scsa-review']);
  });
});
