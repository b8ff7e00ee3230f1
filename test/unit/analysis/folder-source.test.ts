// `scsa report --bundles DIR` reads a folder of bundles: each verified in full before its
// submission is read, the latest revision of each country used, a bad bundle left out and named.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { currentSubmissions, folderSource, type FolderSkip } from '../../../core/analysis';
import { fingerprintOf } from '../../../core/keys/fingerprint';
import type { SigningKey } from '../../../core/keys';
import { signingKey, writeBundle } from './bundles';

let dir: string;
let kenKey: SigningKey;
let egyKey: SigningKey;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-folder-'));
  [kenKey, egyKey] = await Promise.all([signingKey(), signingKey()]);
  await writeBundle(dir, { code: 'KEN', key: kenKey, revision: 1 });
  await writeBundle(dir, { code: 'KEN', key: kenKey, revision: 2 });
  const egy = await writeBundle(dir, { code: 'EGY', key: egyKey, language: 'ar' });
  // A copy whose last bytes were cut (an interrupted download), a file that is not a zip, and a note.
  const bytes = await fs.readFile(egy);
  await fs.writeFile(path.join(dir, 'EGY-cut.zip'), bytes.subarray(0, bytes.length - 40));
  await fs.writeFile(path.join(dir, 'junk.zip'), 'not a zip');
  await fs.writeFile(path.join(dir, 'notes.txt'), 'read me');
}, 120_000);

const fpOf = (key: SigningKey): string => fingerprintOf(key.publicKey);

describe('a folder of bundles', () => {
  it('gives the current submission of each country and names each bundle left out with its reason', async () => {
    const skips: FolderSkip[] = [];
    const progress: number[] = [];
    const selection = await currentSubmissions(folderSource(dir, { onSkip: (s) => skips.push(s), onProgress: (done) => progress.push(done) }));
    expect(selection.current.map((c) => [c.submission.assessment.countryCode, c.submission.submissionRevision]).sort()).toEqual([['EGY', 1], ['KEN', 2]]);
    expect(selection.superseded).toBe(1);
    expect(skips.map((s) => [path.basename(s.file), s.kind, s.kind === 'invalid' ? s.reason.code : ''])).toEqual([
      ['EGY-cut.zip', 'invalid', 'bundle:verify.notZip'],
      ['junk.zip', 'invalid', 'bundle:verify.notZip'],
    ]);
    expect(progress.at(-1)).toBe(5);
  });

  it('with a registry, uses only bundles signed by a key registered for their country', async () => {
    const skips: FolderSkip[] = [];
    const registry = [{ country: 'KEN', fingerprint: fpOf(kenKey) }, { country: 'KEN', fingerprint: fpOf(egyKey) }];
    const selection = await currentSubmissions(folderSource(dir, { registry, onSkip: (s) => skips.push(s) }));
    expect(selection.current.map((c) => c.submission.assessment.countryCode)).toEqual(['KEN']);
    expect(skips.filter((s) => s.kind === 'unregistered').map((s) => path.basename(s.file))).toEqual([expect.stringMatching(/^EGY_/)]);
  });

  it('says clearly when the folder cannot be read', async () => {
    await expect(currentSubmissions(folderSource(path.join(dir, 'missing')))).rejects.toMatchObject({ code: 'analysis:errors.bundlesFolder', params: { reason: 'ENOENT' } });
  });
});
