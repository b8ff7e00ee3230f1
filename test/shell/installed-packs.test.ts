// The real Electron main process, started as an installed app against a fake `electron` module: the
// checklist versions installed in the data folder are in the catalogue from the first call, checked
// against the trust list in the app's resources (resources/trust).
import { promises as fs, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { clearInstalledPacks } from '../../core/checklist/registry';
import { setLogSink } from '../../core/log';
import { installPack } from '../../core/packs/install';
import { sampleRevisionSource } from '../fixtures/packs/sample-revision';
import { signedPack, testKey, trustOf } from '../fixtures/packs/signing';
import { fake } from './fake-electron';

vi.hoisted(() => {
  process.env.ELECTRON_OVERRIDE_DIST_PATH = '/nonexistent-electron';
});
vi.mock('electron', async () => {
  const { electronModule } = await import('./fake-electron');
  return { ...electronModule, default: electronModule };
});

const root = path.resolve(__dirname, '../..');
const APP_URL = 'app://bundle/index.html';
const secretariat = testKey();
const stranger = testKey();
let tmp = '';
const resourcesBefore = (process as { resourcesPath?: string }).resourcesPath;

async function invoke(channel: string, ...args: unknown[]): Promise<unknown> {
  const listener = fake.ipc.get(channel);
  if (!listener) throw new Error(`no handler for ${channel}`);
  return listener({ senderFrame: { url: APP_URL } }, ...args);
}

beforeAll(async () => {
  if (!existsSync(path.join(root, 'dist/renderer/index.html'))) {
    execFileSync(process.execPath, ['scripts/build.mjs', '--quiet'], { cwd: root, stdio: 'inherit' });
  }
  setLogSink(null);
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-main-packs-'));
  const userData = path.join(tmp, 'userData');
  const resources = path.join(tmp, 'resources');
  await fs.mkdir(path.join(resources, 'trust'), { recursive: true });
  await fs.writeFile(path.join(resources, 'trust', 'secretariat.pub.pem'), secretariat.publicKeyPem);
  // Two installed files: one by the trusted key, one by a key the installed app does not trust.
  await installPack(await signedPack(sampleRevisionSource(), secretariat), { dataDir: userData, trust: trustOf(secretariat) });
  await installPack(await signedPack({ ...sampleRevisionSource(), version: '0.3.0', migrations: [] }, stranger), { dataDir: userData, trust: trustOf(stranger) });
  clearInstalledPacks();
  (process as { resourcesPath?: string }).resourcesPath = resources;
  fake.isPackaged = true;
  fake.appPath = root;
  fake.userData = userData;
  const main = await import('../../electron/main/index');
  await main.started;
}, 120_000);

afterAll(async () => {
  (process as { resourcesPath?: string }).resourcesPath = resourcesBefore;
  clearInstalledPacks();
  setLogSink((line) => process.stderr.write(line + '\n'));
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('installed checklist versions at start-up (desktop)', () => {
  it('lists the version signed by a key in resources/trust as installed, with its signer; the other is not used', async () => {
    const result = (await invoke('packs:list')) as { ok: boolean; value: { id: string; version: string; origin: string; signer?: string }[] };
    expect(result.ok).toBe(true);
    const sample = result.value.filter((p) => p.id === 'safer-cities-sample');
    expect(sample.map((p) => [p.version, p.origin])).toEqual([
      ['0.1.0', 'bundled'],
      ['0.2.0', 'installed'],
    ]);
    expect(sample[1]?.signer).toBe(secretariat.fingerprint);
  });
});
