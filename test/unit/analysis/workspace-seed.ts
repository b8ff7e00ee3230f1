// A secretariat workspace holding several countries' signed bundles of the example assessment, made
// and imported by the real engines, for the analysis handlers and the end-to-end test. Results would
// order the countries unlike the alphabet (see no-ranking.ts), so a sort by result shows.
import path from 'node:path';
import { loadExample } from '../../../core/checklist/examples';
import type { Consent } from '../../../core/analysis/consent';
import { createWorkspace, importBundles } from '../../../core/secretariat';
import { addKey } from '../../../core/secretariat/registry';
import { signingKey, writeBundle } from './bundles';

export interface SeedCountry {
  code: string;
  language: 'en' | 'ar';
  level: 'fully' | 'partially' | 'not_implemented';
  consent: Consent;
}

/** Zambia and Kenya "fully", Austria and Brazil "not implemented": ordered by result, never alphabetical. */
export const SEED: SeedCountry[] = [
  { code: 'ZMB', language: 'en', level: 'fully', consent: 'full' },
  { code: 'KEN', language: 'en', level: 'fully', consent: 'full' },
  { code: 'FRA', language: 'en', level: 'partially', consent: 'summary_only' },
  { code: 'EGY', language: 'ar', level: 'partially', consent: 'full' },
  { code: 'BRA', language: 'en', level: 'not_implemented', consent: 'full' },
  { code: 'AUT', language: 'en', level: 'not_implemented', consent: 'not_public' },
];

function answersAt(level: SeedCountry['level'], language: 'en' | 'ar'): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const [id, value] of Object.entries(loadExample(language).answers)) {
    if (value && typeof value === 'object' && !Array.isArray(value) && 'status' in value) answers[id] = { ...value, status: level };
  }
  return answers;
}

/** Creates a workspace in `dir` (new or empty) with the countries' keys registered and their bundles imported. */
export async function seedWorkspace(dir: string, scratch: string, countries: readonly SeedCountry[] = SEED): Promise<void> {
  const ws = await createWorkspace(dir);
  try {
    const files: string[] = [];
    for (const c of countries) {
      const key = await signingKey();
      await addKey(ws, { country: c.code, pem: key.publicKeyPem, fingerprint: key.fingerprint, name: `${c.code} focal point` });
      files.push(await writeBundle(path.join(scratch, c.code), { code: c.code, key, language: c.language, consent: c.consent, answers: answersAt(c.level, c.language) }));
    }
    const report = await importBundles(ws, files);
    const refused = report.decisions.filter((d) => d.decision !== 'imported');
    if (refused.length > 0) throw new Error(`seed import: ${JSON.stringify(refused)}`);
  } finally {
    await ws.close();
  }
}
