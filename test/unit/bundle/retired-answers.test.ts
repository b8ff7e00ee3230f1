// Answers kept aside when a draft moved to a new checklist version travel in submission.json, and
// the secretariat reads them back from a stored bundle; bundles made before the field existed still
// verify, and a hostile one nested too deep is refused as invalid, not a crash.
import { afterEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { verifyBundle } from '../../../core/bundle';
import { generateBundleSchemas } from '../../../core/bundle/json-schemas';
import { checkSubmission } from '../../../core/bundle/submission';
import type { RetiredAnswer } from '../../../core/draft/retired';
import { readStoredSubmission } from '../../../core/secretariat/bundle-facts';
import { exportFixture, makeFixture, readZip, type Fixture } from './fixture';

const OLDER = path.resolve(__dirname, '../../fixtures/bundle/before-consultations.zip');

const kept: RetiredAnswer[] = [
  {
    itemId: 'B.9',
    checklist: { id: 'safer-cities-sample', version: '0.9.0' },
    type: 'table',
    title: { fr: 'Budgets locaux de prévention', en: 'Local prevention budgets' },
    answer: [{ city: 'Lyon', amount: 1200000 }, { city: 'Lille', amount: 800000 }],
    reason: 'removed',
    note: { en: 'Now asked in the financial annex.' },
    retiredAt: '2026-10-01T08:00:00.000Z',
  },
  { itemId: 'Z.1', checklist: { id: 'safer-cities-sample', version: '0.9.0' }, title: {}, answer: 'Réponse à une question inconnue', reason: 'unknownItem', retiredAt: '2026-10-01T08:00:00.000Z' },
];

async function submissionOf(file: string): Promise<Record<string, unknown>> {
  const entry = (await readZip(file)).find((e) => e.name.endsWith('/data/submission.json'));
  return JSON.parse(entry?.bytes.toString('utf8') ?? '{}') as Record<string, unknown>;
}

let f: Fixture | undefined;
afterEach(async () => {
  if (f) await fs.rm(f.dir, { recursive: true, force: true });
  f = undefined;
});

describe('retiredAnswers in submission.json', () => {
  it('a draft with kept answers exports them, the bundle verifies and the secretariat reads them back', async () => {
    f = await makeFixture();
    const file = await exportFixture(f, { draft: { ...f.draft, retiredAnswers: kept } });
    expect((await verifyBundle(file)).status).toBe('valid-unregistered');
    expect((await submissionOf(file)).retiredAnswers).toEqual(kept);
    expect((await readStoredSubmission(file))?.retiredAnswers).toEqual(kept);
  });

  it('a draft that kept nothing aside exports without the key, as before', async () => {
    f = await makeFixture();
    const file = await exportFixture(f);
    expect(await submissionOf(file)).not.toHaveProperty('retiredAnswers');
    expect((await readStoredSubmission(file))?.retiredAnswers).toBeUndefined();
  });

  it('a bundle exported before the field existed still verifies and reads', async () => {
    expect((await verifyBundle(OLDER)).status).toBe('valid-unregistered');
    expect(await submissionOf(OLDER)).not.toHaveProperty('retiredAnswers');
    expect((await readStoredSubmission(OLDER))?.answers).toBeDefined();
  });

  it('a kept answer nested a million deep is refused by the check, without overflowing the stack', async () => {
    f = await makeFixture();
    const good = await submissionOf(await exportFixture(f, { draft: { ...f.draft, retiredAnswers: kept } }));
    let deep: unknown = 'x';
    for (let i = 0; i < 1_000_000; i++) deep = [deep];
    const hostile = { ...good, retiredAnswers: [{ ...kept[1], answer: deep }] };
    const checked = checkSubmission(hostile);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? '' : checked.problem).toContain('nested more than');
    expect(checkSubmission(good).ok).toBe(true);
  });

  it('the published schema has the list as optional', () => {
    const schema = generateBundleSchemas()['submission.schema.json'] as { required: string[]; properties: Record<string, unknown> };
    expect(schema.properties).toHaveProperty('retiredAnswers');
    expect(schema.required).not.toContain('retiredAnswers');
  });
});
