/**
 * Installing a signed revision into the data folder: written atomically, listed beside the packs
 * the app carries, loaded (and checked again) at the next start, and every refusal leaves the
 * folder as it was.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearInstalledPacks, findPack, listPacks } from '../../../core/checklist/registry';
import { samplePackSource } from '../../../core/checklist/sample';
import { AppError } from '../../../core/errors';
import { setLogSink } from '../../../core/log';
import { installedPackFile, installedPacksDir, installPack, loadInstalledPacks } from '../../../core/packs';
import { moveDraft } from '../../../core/revisions';
import { newDraft } from '../../../core/draft/create';
import { sampleRevisionSource } from '../../fixtures/packs/sample-revision';
import { signedPack, testKey, trustOf } from '../../fixtures/packs/signing';

const secretariat = testKey();
const TRUST = trustOf(secretariat);
const REF = { id: 'safer-cities-sample', version: '0.2.0' };
let dataDir = '';

beforeEach(async () => {
  setLogSink(null);
  clearInstalledPacks();
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-install-'));
});
afterEach(async () => {
  clearInstalledPacks();
  setLogSink((line) => process.stderr.write(line + '\n'));
  await fs.rm(dataDir, { recursive: true, force: true });
});

const listing = async () => (await fs.readdir(installedPacksDir(dataDir)).catch(() => [] as string[])).sort();

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  return 'accepted';
}

describe('installing a signed revision', () => {
  it('keeps the file as it came in <dataDir>/packs, lists it beside the carried packs, and can move drafts to it', async () => {
    const file = path.join(dataDir, 'sample-0.2.0.scsa-pack');
    const bytes = await signedPack(sampleRevisionSource(), secretariat);
    await fs.writeFile(file, bytes);
    const result = await installPack(file, { dataDir, trust: TRUST });
    expect(result).toMatchObject({ ref: REF, fingerprint: secretariat.fingerprint, alreadyInstalled: false, itemCount: 14 });
    expect(await listing()).toEqual(['safer-cities-sample@0.2.0.scsa-pack']);
    expect((await fs.readFile(installedPackFile(dataDir, REF))).equals(bytes)).toBe(true);

    const listed = listPacks();
    expect(listed.filter((p) => p.origin === 'bundled').map((p) => `${p.id}@${p.version}`)).toEqual(['safer-cities-sacl@1.0.0', 'safer-cities-sample@0.1.0']);
    expect(listed.find((p) => p.origin === 'installed')).toMatchObject({ ...REF, signer: secretariat.fingerprint, isDefault: false });

    const old = findPack({ id: 'safer-cities-sample', version: '0.1.0' })!;
    const draft = { ...newDraft({ countryCode: 'KEN', responseLanguage: 'en' }, old.pack), answers: { 'B.3': 'plans' } };
    expect(moveDraft(draft, old, findPack(REF)!).draft.retiredAnswers).toHaveLength(1);
  });

  it('installing the same pack again is harmless; another pack under the same version is refused', async () => {
    const bytes = await signedPack(sampleRevisionSource(), secretariat);
    await installPack(bytes, { dataDir, trust: TRUST });
    expect((await installPack(bytes, { dataDir, trust: TRUST })).alreadyInstalled).toBe(true);
    const other = await signedPack({ ...sampleRevisionSource(), title: { ...(samplePackSource() as { title: object }).title, en: 'Another title' } }, secretariat);
    expect(await codeOf(installPack(other, { dataDir, trust: TRUST }))).toBe('packs:errors.versionConflict');
    expect((await fs.readFile(installedPackFile(dataDir, REF))).equals(bytes)).toBe(true);
  });

  it('refuses a version the app carries, an unknown signer, a tampered file: nothing written, nothing listed', async () => {
    expect(await codeOf(installPack(await signedPack(samplePackSource(), secretariat), { dataDir, trust: TRUST }))).toBe('packs:errors.alreadyCarried');
    expect(await codeOf(installPack(await signedPack(sampleRevisionSource(), testKey()), { dataDir, trust: TRUST }))).toBe('packs:errors.unknownSigner');
    const bytes = await signedPack(sampleRevisionSource(), secretariat);
    const at = bytes.indexOf(Buffer.from('signatures/')) - 1;
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(at / 2)] = (flipped[Math.floor(at / 2)] as number) ^ 0xff;
    expect(await codeOf(installPack(flipped, { dataDir, trust: TRUST }))).toMatch(/^packs:errors\.(tampered|damagedPackFile|notAPackFile)$/);
    expect(await codeOf(installPack(path.join(dataDir, 'missing.scsa-pack'), { dataDir, trust: TRUST }))).toBe('packs:errors.fileNotFound');
    expect(await listing()).toEqual([]);
    expect(listPacks().some((p) => p.origin === 'installed')).toBe(false);
  });
});

describe('loading the installed packs at start-up', () => {
  it('checks each file again: a changed file or a signer no longer trusted stays on disk, reported, unused', async () => {
    await installPack(await signedPack(sampleRevisionSource(), secretariat), { dataDir, trust: TRUST });
    clearInstalledPacks();
    const fine = await loadInstalledPacks(dataDir, TRUST);
    expect(fine.packs.map((p) => p.ref)).toEqual([REF]);
    expect(findPack(REF)).not.toBeNull();

    clearInstalledPacks();
    const distrusted = await loadInstalledPacks(dataDir, trustOf(testKey()));
    expect(distrusted.packs).toEqual([]);
    expect(distrusted.problems.map((p) => p.code)).toEqual(['packs:errors.unknownSigner']);
    expect(findPack(REF)).toBeNull();

    const file = installedPackFile(dataDir, REF);
    await fs.rename(file, path.join(installedPacksDir(dataDir), 'renamed@9.9.9.scsa-pack'));
    const misplaced = await loadInstalledPacks(dataDir, TRUST);
    expect(misplaced.problems.map((p) => p.code)).toEqual(['packs:errors.misplaced']);
    expect(await listing()).toEqual(['renamed@9.9.9.scsa-pack']);
  });

  it('an empty or missing folder is no problem', async () => {
    expect(await loadInstalledPacks(dataDir, TRUST)).toEqual({ packs: [], problems: [] });
  });
});
