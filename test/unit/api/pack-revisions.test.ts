/**
 * Installing a checklist revision from a file and moving an assessment to it, through dispatch as the
 * transports call the core: the upload installs only what a trusted key signed, the installed pack is
 * back after a restart, the preview names each question's fate, the move is a new revision that
 * history undoes, and a version with no way from the draft's is refused with nothing changed.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { sign } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, dispatchUpload } from '../../../core/api/dispatch';
import { createCoreService, type CoreService } from '../../../core/api/service';
import type { ApiMethod, ApiResult, IncomingFile } from '../../../core/api/contract';
import { clearInstalledPacks } from '../../../core/checklist/registry';
import { PACK_BYTES_LIMIT, PACK_ITEMS_LIMIT } from '../../../core/checklist/pack-limits';
import { setLogSink } from '../../../core/log';
import { FileSettingsStore } from '../../../core/settings/file-store';
import { installedPacksDir } from '../../../core/packs';
import { sampleRevisionSource } from '../../fixtures/packs/sample-revision';
import { packBytes, signatureEntries, signedPack, testKey, zipOf } from '../../fixtures/packs/signing';
import { META, SAMPLE, tempDir } from './harness';

const secretariat = testKey();
const REVISION = { id: 'safer-cities-sample', version: '0.2.0' };
let dataDir = '';
let trustDir = '';
let services: CoreService[] = [];

function start(): { call: (m: ApiMethod, ...a: unknown[]) => Promise<ApiResult<unknown>>; install: (bytes: Buffer | (() => AsyncIterable<Uint8Array>)) => Promise<ApiResult<unknown>> } {
  const service = createCoreService({ dataDir, runtime: 'web', settings: new FileSettingsStore(dataDir), snapshotIntervalMs: 3_600_000, trustDir });
  services.push(service);
  const file = (bytes: Buffer | (() => AsyncIterable<Uint8Array>)): IncomingFile => ({
    name: 'revision.scsa-pack',
    mediaType: 'application/octet-stream',
    stream: typeof bytes === 'function' ? bytes : async function* () { yield bytes; },
    path: () => Promise.reject(new Error('a stream')),
    release: () => undefined,
  });
  return {
    call: (m, ...a) => dispatch(service.handlers, m, a),
    install: (bytes) => dispatchUpload(service.uploads, 'installPackFile', [], file(bytes)),
  };
}

const value = <T = Record<string, unknown>>(r: ApiResult<unknown>): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
};
const installed = async () => (await fs.readdir(installedPacksDir(dataDir)).catch(() => [] as string[])).sort();

beforeEach(async () => {
  setLogSink(null);
  clearInstalledPacks();
  dataDir = await tempDir('revisions-api');
  trustDir = path.join(dataDir, '..', `${path.basename(dataDir)}-trust`);
  await fs.mkdir(trustDir);
  await fs.writeFile(path.join(trustDir, 'secretariat.pub.pem'), secretariat.publicKeyPem);
});
afterEach(async () => {
  await Promise.all(services.map((s) => s.dispose()));
  services = [];
  clearInstalledPacks();
  setLogSink((line) => process.stderr.write(line + '\n'));
  await fs.rm(dataDir, { recursive: true, force: true });
  await fs.rm(trustDir, { recursive: true, force: true });
});

describe('installing a checklist revision from a file', () => {
  it('installs a pack a trusted key signed, lists it as installed with its signer, and finds it again after a restart', async () => {
    const core = start();
    const result = value(await core.install(await signedPack(sampleRevisionSource(), secretariat)));
    expect(result).toMatchObject({ ...REVISION, signer: secretariat.fingerprint, alreadyInstalled: false, itemCount: 14 });
    const listed = value<{ id: string; version: string; origin: string; signer?: string }[]>(await core.call('listPacks'));
    expect(listed.find((p) => p.version === '0.1.0')).toMatchObject({ origin: 'bundled' });
    expect(listed.find((p) => p.version === '0.2.0')).toMatchObject({ origin: 'installed', signer: secretariat.fingerprint });

    clearInstalledPacks();
    const again = start();
    const relisted = value<{ version: string; origin: string }[]>(await again.call('listPacks'));
    expect(relisted.map((p) => `${p.version}:${p.origin}`)).toContain('0.2.0:installed');
  });

  it('refuses unsigned, tampered, unknown-signer, too large, 10,000 items, a bad rule, looping migrations: each its own message; nothing installed', async () => {
    const core = start();
    const bytes = packBytes(sampleRevisionSource());
    const code = async (file: Buffer | (() => AsyncIterable<Uint8Array>)) => {
      const r = await core.install(file);
      return r.ok ? 'installed' : r.error.code;
    };
    expect(await code(await zipOf({ 'pack.json': bytes }))).toBe('packs:errors.unsigned');
    const changed = Buffer.from(bytes.toString('utf8').replace('"0.2.0"', '"0.2.1"'));
    expect(await code(await zipOf({ 'pack.json': changed, ...signatureEntries(secretariat, sign(null, bytes, secretariat.privateKey)) }))).toBe('packs:errors.tampered');
    expect(await code(await signedPack(sampleRevisionSource(), testKey()))).toBe('packs:errors.unknownSigner');
    const chunk = Buffer.alloc(1024 * 1024);
    expect(
      await code(async function* () {
        for (let i = 0; i <= PACK_BYTES_LIMIT / chunk.length; i++) yield chunk;
      }),
    ).toBe('packs:errors.packTooLarge');
    const loop = { ...sampleRevisionSource(), migrations: [{ from: '0.1.0', to: '0.1.5', items: {} }, { from: '0.1.5', to: '0.1.0', items: {} }] };
    expect(await code(await signedPack(loop, secretariat))).toBe('packs:errors.migrationLoop');
    const badRule = sampleRevisionSource() as { sections: { items: Record<string, unknown>[] }[] } & Record<string, unknown>;
    badRule.sections[1]!.items[1]!.relevance = "answer('B.1').status in ['fully'";
    expect(await code(await signedPack(badRule, secretariat))).toBe('drafts:errors.packRuleSyntax');
    const huge = sampleRevisionSource() as { sections: { items: { id: string }[] }[] } & Record<string, unknown>;
    const template = huge.sections[0]!.items[0]!;
    huge.sections = [{ ...huge.sections[0]!, items: Array.from({ length: PACK_ITEMS_LIMIT }, (_, i) => ({ ...template, id: `A.${i + 1}` })) }];
    expect(await code(await signedPack(huge, secretariat))).toBe('packs:errors.tooManyItems');
    expect(await installed()).toEqual([]);
    const listed = value<{ origin: string }[]>(await core.call('listPacks'));
    expect(listed.every((p) => p.origin === 'bundled')).toBe(true);
  });
});

describe('moving an assessment to the installed revision', () => {
  it('tells of the newer version, previews, moves as a new revision with a notice, and history undoes it', async () => {
    const core = start();
    const created = value<{ draft: { id: string; revision: number } }>(await core.call('createAssessment', { ...META, responseLanguage: 'en' }, SAMPLE));
    const id = created.draft.id;
    value(await core.call('saveAnswers', id, { 'A.1': 'Ministry of Cities', 'B.2': 'interministerial', 'B.3': 'A plan for 2027', 'C.4': 'Long text' }));
    expect(value(await core.call('findNewerVersion', id))).toEqual({ current: SAMPLE, newer: null });

    value(await core.install(await signedPack(sampleRevisionSource(), secretariat)));
    expect(value(await core.call('findNewerVersion', id))).toMatchObject({ current: SAMPLE, newer: { ...REVISION, origin: 'installed', signer: secretariat.fingerprint } });

    const historyBefore = value<unknown[]>(await core.call('listHistory', id)).length;
    const preview = value<{ entries: { kind: string; oldId: string | null; newId: string | null; answer: string; pleaseCheck: boolean }[]; answers: Record<string, number> }>(
      await core.call('previewMove', id, REVISION),
    );
    const entry = (oldId: string) => preview.entries.find((e) => e.oldId === oldId);
    expect(entry('A.1')).toMatchObject({ kind: 'textChanged', answer: 'kept', pleaseCheck: true });
    expect(entry('B.2')).toMatchObject({ kind: 'moved', newId: 'B.1.a', answer: 'kept' });
    expect(entry('B.3')).toMatchObject({ kind: 'removed', answer: 'retained' });
    expect(entry('C.4')).toMatchObject({ kind: 'typeChanged', answer: 'retained' });
    expect(preview.entries.some((e) => e.kind === 'new' && e.newId === 'C.5')).toBe(true);
    // A preview saves nothing.
    expect(value<unknown[]>(await core.call('listHistory', id))).toHaveLength(historyBefore);
    expect(value<{ current: { version: string } }>(await core.call('findNewerVersion', id)).current.version).toBe('0.1.0');

    const moved = value<{ draft: { revision: number; checklist: unknown; answers: Record<string, unknown>; retiredAnswers: { itemId: string; answer: unknown }[] }; notices: { code: string; params: Record<string, unknown> }[] }>(
      await core.call('moveAssessment', id, REVISION),
    );
    expect(moved.draft.checklist).toEqual(REVISION);
    expect(moved.draft.answers['B.1.a']).toBe('interministerial');
    expect(moved.draft.retiredAnswers.map((r) => [r.itemId, r.answer])).toEqual(expect.arrayContaining([['B.3', 'A plan for 2027'], ['C.4', 'Long text']]));
    expect(moved.notices[0]).toMatchObject({ code: 'packs:move.done', params: { from: '0.1.0', to: '0.2.0', count: 2 } });
    expect(value(await core.call('findNewerVersion', id))).toEqual({ current: REVISION, newer: null });

    // Undo through history, even with snapshots far apart: the revision just before the move is always kept.
    const restored = value<{ draft: { checklist: unknown; answers: Record<string, unknown> } }>(await core.call('restoreVersion', id, moved.draft.revision - 1));
    expect(restored.draft.checklist).toEqual(SAMPLE);
    expect(restored.draft.answers['B.3']).toBe('A plan for 2027');
  });

  it('a newer version with no way from the draft\'s version: a clear refusal, the draft stays where it is', async () => {
    const core = start();
    const id = value<{ draft: { id: string } }>(await core.call('createAssessment', META, SAMPLE)).draft.id;
    const later = { ...sampleRevisionSource(), version: '0.3.0', migrations: [{ from: '0.2.5', to: '0.3.0', items: {} }] };
    value(await core.install(await signedPack(later, secretariat)));
    const to = { id: SAMPLE.id, version: '0.3.0' };
    expect(value(await core.call('findNewerVersion', id))).toMatchObject({ newer: to });
    const preview = await core.call('previewMove', id, to);
    expect(preview.ok ? 'previewed' : preview.error.code).toBe('packs:errors.noMigrationPath');
    const move = await core.call('moveAssessment', id, to);
    expect(move.ok ? 'moved' : move.error.code).toBe('packs:errors.noMigrationPath');
    expect(value<{ current: unknown }>(await core.call('findNewerVersion', id)).current).toEqual(SAMPLE);
  });
});
