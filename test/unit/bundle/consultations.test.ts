// Who was consulted travels in submission.json as an optional, additive list: bundles made before it
// existed still verify, and new ones carry it only when there was a consultation.
import { afterEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { verifyBundle } from '../../../core/bundle';
import { generateBundleSchemas } from '../../../core/bundle/json-schemas';
import type { Consultation } from '../../../core/bundle/submission';
import { exportFixture, makeFixture, submissionJson, type Fixture } from './fixture';

// Exported by the code of the commit before `consultations` was added (fixture.ts, unchanged since).
const OLDER = path.resolve(__dirname, '../../fixtures/bundle/before-consultations.zip');

const consulted: Consultation[] = [
  { institution: 'Ministère de la Santé', name: 'Dr Sarah Benali', reviewId: '2f1e0d9c-8b7a-4c6d-9e5f-4a3b2c1d0e9f', sentAt: '2026-11-01T09:00:00.000Z', returnedAt: '2026-11-08T16:30:00.000Z', verdict: 'comments' },
  { institution: 'وزارة الداخلية', reviewId: '3a2b1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d', returnedAt: '2026-11-09T10:00:00.000Z', verdict: 'no_objection' },
];

let f: Fixture | undefined;
afterEach(async () => {
  if (f) await fs.rm(f.dir, { recursive: true, force: true });
  f = undefined;
});

describe('consultations in submission.json', () => {
  it('a bundle exported before the list existed still verifies', async () => {
    const verdict = await verifyBundle(OLDER);
    expect(verdict.status).toBe('valid-unregistered');
    expect(await submissionJson(OLDER)).not.toHaveProperty('consultations');
  });

  it('a bundle lists the institutions consulted, and still verifies', async () => {
    f = await makeFixture();
    const file = await exportFixture(f, { consultations: consulted });
    expect((await verifyBundle(file)).status).toBe('valid-unregistered');
    expect((await submissionJson(file)).consultations).toEqual(consulted);
  });

  it('without a consultation the key is left out, as before', async () => {
    f = await makeFixture();
    const file = await exportFixture(f, { consultations: [] });
    expect(await submissionJson(file)).not.toHaveProperty('consultations');
  });

  it('the published schema has the list as optional', () => {
    const schema = generateBundleSchemas()['submission.schema.json'] as { required: string[]; properties: Record<string, unknown> };
    expect(schema.properties).toHaveProperty('consultations');
    expect(schema.required).not.toContain('consultations');
  });
});
