import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DraftStore } from '../../../core/store/draft-store';
import { companionAttachmentsDir, exportCopy, importCopy } from '../../../core/store/portable';
import type { Draft } from '../../../core/draft/schema';
import { makeStore, pack, quietLogs, tempDir } from './helpers';

let a: string;
let b: string;
let usb: string;
let home: DraftStore;
let away: DraftStore;

beforeEach(async () => {
  quietLogs();
  [a, b, usb] = await Promise.all([tempDir(), tempDir(), tempDir()]);
  home = makeStore(a);
  away = makeStore(b);
});
afterEach(async () => {
  await Promise.all([home.closeAll(), away.closeAll()]);
  await Promise.all([a, b, usb].map((d) => fs.rm(d, { recursive: true, force: true })));
});

async function draftWithEvidence(): Promise<Draft> {
  const d = await home.create({ countryCode: 'COL', responseLanguage: 'es' }, pack);
  const ref = await home.addAttachment(d.id, [Buffer.from('Plan de seguridad de Medellín')], { name: 'plan.txt', mediaType: 'text/plain' });
  return home.save({ ...d, attachments: [ref], answers: { 'A.1': 'Ministerio del Interior', 'C.3': { files: [ref.sha256], links: [] } } });
}

describe('portable copies (.scsa.json)', () => {
  it('move a draft and its attachments to another machine', async () => {
    const d = await draftWithEvidence();
    const file = path.join(usb, 'colombia.scsa.json');
    const out = await exportCopy(home, d.id, file);
    expect(out).toEqual({ file, attachmentsDir: companionAttachmentsDir(file), copied: 1, missing: 0 });

    const imported = await importCopy(away, file);
    expect(imported.notices).toEqual([]);
    expect(imported.draft.answers).toEqual(d.answers);
    expect(imported.draft.revision).toBe(d.revision);
    const sha = d.attachments[0]?.sha256 ?? '';
    expect(await fs.readFile(away.attachmentPath(imported.draft.id, sha), 'utf8')).toBe('Plan de seguridad de Medellín');
    // The imported assessment is open for work.
    await expect(away.save({ ...imported.draft, answers: { ...imported.draft.answers, 'A.4': true } })).resolves.toMatchObject({ revision: d.revision + 1 });
  });

  it('import beside an existing copy gets a new id; a missing attachment is reported', async () => {
    const d = await draftWithEvidence();
    const file = path.join(usb, 'copy.scsa.json');
    await exportCopy(home, d.id, file);
    await fs.rm(companionAttachmentsDir(file), { recursive: true });
    const again = await importCopy(home, file);
    expect(again.draft.id).not.toBe(d.id);
    expect(again.notices.map((n) => n.code)).toEqual(['drafts:notices.importedAsCopy', 'drafts:notices.attachmentMissing']);
    expect(again.draft.answers).toEqual(d.answers);
  });

  it.each([
    ['a foreign JSON file', '{"name": "package", "version": "1.0.0"}', 'drafts:errors.importInvalid'],
    ['a corrupt file', '{"schemaVersion": 1, "id": "x', 'drafts:errors.importInvalid'],
    ['a file from a newer app', JSON.stringify({ schemaVersion: 99 }), 'drafts:errors.futureVersion'],
  ])('refuses %s clearly and changes nothing', async (_label, text, code) => {
    const file = path.join(usb, 'foreign.scsa.json');
    await fs.writeFile(file, text);
    await expect(importCopy(away, file)).rejects.toMatchObject({ code });
    expect(await away.list()).toEqual([]);
    expect(await fs.readdir(b)).toEqual([]);
    expect(await fs.readFile(file, 'utf8')).toBe(text);
  });

  it('refuses a file that is not there', async () => {
    await expect(importCopy(away, path.join(usb, 'nothing.scsa.json'))).rejects.toMatchObject({ code: 'drafts:errors.importNotFound' });
  });
});
