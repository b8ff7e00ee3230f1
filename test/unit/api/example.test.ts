// A workshop trainer opens the training example from the home screen; their edits survive a reopen.
import { promises as fs } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLogSink } from '../../../core/log';
import { makeCore, tempDir, type TestCore } from './harness';

type Opened = { draft: { id: string; revision: number; answers: Record<string, unknown>; assessment: { countryCode: string; responseLanguage: string } } };

let dir: string;
let core: TestCore;

beforeEach(async () => {
  setLogSink(null);
  dir = await tempDir('example');
  core = makeCore(dir);
});

afterEach(async () => {
  await core.service.dispose();
  await fs.rm(dir, { recursive: true, force: true });
  setLogSink((line) => process.stderr.write(line + '\n'));
});

describe('training example', () => {
  it('opens the fully answered example in Arabic and English as assessments of country XXX', async () => {
    const ar = await core.ok<Opened>('openExample', 'ar');
    const en = await core.ok<Opened>('openExample', 'en');
    expect(ar.draft.assessment).toMatchObject({ countryCode: 'XXX', responseLanguage: 'ar' });
    expect(en.draft.assessment).toMatchObject({ countryCode: 'XXX', responseLanguage: 'en' });
    expect(Object.keys(en.draft.answers).length).toBeGreaterThanOrEqual(60);
    expect(await core.ok<unknown[]>('validateAssessment', en.draft.id)).toEqual([]);
    const list = await core.ok<Array<{ id: string }>>('listAssessments');
    expect(list.map((a) => a.id).sort()).toEqual([ar.draft.id, en.draft.id].sort());
  });

  it('reopens the same copy, with the trainer’s edits, instead of adding a second one', async () => {
    const first = await core.ok<Opened>('openExample', 'en');
    await core.ok('saveAnswers', first.draft.id, { 'A.1': 'Edited during the workshop' });
    await core.ok('closeAssessment', first.draft.id);
    const again = await core.ok<Opened>('openExample', 'en');
    expect(again.draft.id).toBe(first.draft.id);
    expect(again.draft.answers['A.1']).toBe('Edited during the workshop');
    expect(await core.ok<unknown[]>('listAssessments')).toHaveLength(1);
  });

  it('refuses a language it has no example for', async () => {
    const r = await core.call('openExample', 'fr');
    expect(r).toEqual({ ok: false, error: { code: 'errors.badRequest' } });
  });
});
