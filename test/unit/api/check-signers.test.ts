// "Check a bundle" in the app reports each co-signer with its own status, in the shape the contract
// declares (BundleCheckSchema.signers), from the same verifier as `scsa verify`.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { checkBundleAt } from '../../../core/features/submissions/handlers';
import { BundleCheckSchema } from '../../../core/api/contract';
import { exportFixture, makeFixture, newSigningKey, readZip, type Fixture } from '../bundle/fixture';
import { BagEdit } from '../bundle/hostile-corpus';

let f: Fixture;
let bag: BagEdit;

beforeAll(async () => {
  f = await makeFixture([]);
  const draft = { ...f.draft, answers: { ...f.draft.answers, 'C.3': { files: [], links: [] } } };
  bag = BagEdit.of(await readZip(await exportFixture(f, { draft })));
});
afterAll(async () => {
  await fs.rm(f.dir, { recursive: true, force: true });
});

it('gives each signer its status: one registered for the country, one not, one whose signature does not hold', async () => {
  const approver = await newSigningKey();
  const stranger = await newSigningKey();
  const file = path.join(f.dir, 'three.zip');
  await fs.writeFile(file, bag.cosign(approver).zip());
  const check = await checkBundleAt(file, [{ country: 'FRA', fingerprint: f.key.fingerprint }]);
  expect(BundleCheckSchema.parse(check)).toEqual(check);
  expect(check.status).toBe('valid-registered');
  const statusOf = (fp: string) => check.signers?.find((s) => s.fingerprint === fp)?.status;
  expect(statusOf(f.key.fingerprint)).toBe('registered');
  expect(statusOf(approver.fingerprint)).toBe('unregistered');

  await fs.writeFile(file, bag.cosign(approver).cosign(stranger, Buffer.from('something else')).zip());
  const broken = await checkBundleAt(file, [{ country: 'FRA', fingerprint: f.key.fingerprint }]);
  expect(BundleCheckSchema.parse(broken)).toEqual(broken);
  expect(broken.status).toBe('invalid');
  expect(broken.reason).toEqual({ code: 'bundle:verify.signatureInvalid', params: { fingerprint: stranger.fingerprint } });
  expect(broken.signers).toHaveLength(3);
  expect(broken.signers?.find((s) => s.fingerprint === stranger.fingerprint)?.status).toBe('invalid');
  expect(broken.signers?.find((s) => s.fingerprint === f.key.fingerprint)?.status).toBe('registered');
});
