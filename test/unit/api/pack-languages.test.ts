import { promises as fs } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLogSink } from '../../../core/log';
import { LoadedPackSchema } from '../../../core/api/contract';
import { packInLanguages } from '../../../core/checklist/pack-languages';
import type { ChecklistPack } from '../../../core/checklist/schema';
import { makeCore, tempDir, type TestCore } from './harness';

let dir: string;
let core: TestCore;

beforeEach(async () => {
  setLogSink(null);
  dir = await tempDir('api-pack-languages');
  core = makeCore(dir);
});

afterEach(async () => {
  await core.service.dispose();
  await fs.rm(dir, { recursive: true, force: true });
  setLogSink((line) => process.stderr.write(line + '\n'));
});

const SACL = { id: 'safer-cities-sacl', version: '1.0.0' };
type Loaded = { pack: ChecklistPack; translationGaps: string[] };

describe('a pack in the languages the form shows', () => {
  it('sends the asked language and English, every other text empty, in the contract shape', async () => {
    const full = await core.ok<Loaded>('getPack', SACL);
    const fr = await core.ok<Loaded>('getPack', SACL, { languages: ['fr'] });
    expect(LoadedPackSchema.safeParse(fr).success).toBe(true);
    const item = fr.pack.sections[1]?.items[0];
    const fullItem = full.pack.sections[1]?.items[0];
    expect(item?.text.fr).toBe(fullItem?.text.fr);
    expect(item?.text.en).toBe(fullItem?.text.en);
    expect(item?.text.fr).not.toBe('');
    expect([item?.text.ar, item?.text.zh, item?.text.ru, item?.text.es]).toEqual(['', '', '', '']);
    expect(fr.pack.labels.status).toEqual(Object.fromEntries(Object.entries(full.pack.labels.status).map(([k, t]) => [k, { ...t, ar: '', zh: '', ru: '', es: '' }])));
    // Ids, types, rules and options are the same: only texts are left out.
    expect(fr.pack.sections.flatMap((s) => s.items.map((i) => [i.id, i.type]))).toEqual(full.pack.sections.flatMap((s) => s.items.map((i) => [i.id, i.type])));
    expect(JSON.stringify(fr).length).toBeLessThan(JSON.stringify(full).length / 2);
  });

  it('refuses a language that is not one of the six, or an empty list', async () => {
    expect(await core.call('getPack', SACL, { languages: ['de'] })).toEqual({ ok: false, error: { code: 'errors.badRequest' } });
    expect(await core.call('getPack', SACL, { languages: [] })).toEqual({ ok: false, error: { code: 'errors.badRequest' } });
    expect(await core.call('getPack', SACL, { languages: ['fr'], extra: 1 })).toEqual({ ok: false, error: { code: 'errors.badRequest' } });
  });

  it('keeps the translation gaps of the languages sent only', () => {
    const pack = { title: { ar: '', zh: '', en: 'T', fr: 'T', ru: '', es: '' } } as unknown as ChecklistPack;
    const gaps = ['title.ar', 'title.zh', 'title.ru', 'title.es'];
    expect(packInLanguages(pack, gaps, ['ru']).translationGaps).toEqual(['title.ru']);
    expect(packInLanguages(pack, gaps, ['fr']).translationGaps).toEqual([]);
  });
});
