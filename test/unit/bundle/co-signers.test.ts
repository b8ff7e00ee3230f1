// With several signatures, each signer gets its own status: registered for the bundle's country,
// not registered, or a signature that does not hold. A bundle is valid only if every signature
// holds, and "registered" only if at least one registered signer is among them; which one is never
// left to guess.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import { verifyBundle, type KeyRegistry, type SignerResult } from '../../../core/bundle';
import type { SigningKey } from '../../../core/keys';
import { exportFixture, makeFixture, newSigningKey, readZip, type Fixture } from './fixture';
import { BagEdit } from './hostile-corpus';

let f: Fixture;
let bag: BagEdit;
let approver: SigningKey;
let stranger: SigningKey;

beforeAll(async () => {
  f = await makeFixture([]);
  const draft = { ...f.draft, answers: { ...f.draft.answers, 'C.3': { files: [], links: [] } } };
  bag = BagEdit.of(await readZip(await exportFixture(f, { draft })));
  approver = await newSigningKey();
  stranger = await newSigningKey();
});
afterAll(async () => {
  await fs.rm(f.dir, { recursive: true, force: true });
});

/** The expected signer list, in the verifier's order (by fingerprint). */
const signers = (...list: [SigningKey, SignerResult['status']][]): SignerResult[] =>
  list.map(([k, status]) => ({ fingerprint: k.fingerprint, status })).sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : 1));
const registry = (...entries: [SigningKey, string, string?][]): KeyRegistry =>
  entries.map(([k, country, validFrom]) => ({ country, fingerprint: k.fingerprint, ...(validFrom ? { validFrom } : {}) }));

describe('two signatures that hold', () => {
  const zip = () => bag.cosign(approver).zip();

  it('one registered for the country, one not: valid and registered, and each signer says which', async () => {
    const result = await verifyBundle(zip(), { registry: registry([f.key, 'FRA']) });
    expect(result.status).toBe('valid-registered');
    expect(result.signers).toEqual(signers([f.key, 'registered'], [approver, 'unregistered']));
    expect(result.fingerprints).toEqual(signers([f.key, 'registered'], [approver, 'unregistered']).map((s) => s.fingerprint));
  });

  it('the other way round, the statuses follow the keys, not the order', async () => {
    const result = await verifyBundle(zip(), { registry: registry([approver, 'FRA']) });
    expect(result.status).toBe('valid-registered');
    expect(result.signers).toEqual(signers([f.key, 'unregistered'], [approver, 'registered']));
  });

  it('a key registered for another country, or only from a later date, is not registered for this bundle', async () => {
    const result = await verifyBundle(zip(), { registry: registry([f.key, 'FRA'], [approver, 'DEU'], [approver, 'FRA', '2099-01-01']) });
    expect(result.signers).toEqual(signers([f.key, 'registered'], [approver, 'unregistered']));
  });

  it('none registered, or no registry at all: valid but unregistered, both listed', async () => {
    for (const options of [{ registry: registry([stranger, 'FRA']) }, {}]) {
      const result = await verifyBundle(zip(), options);
      expect(result.status).toBe('valid-unregistered');
      expect(result.signers).toEqual(signers([f.key, 'unregistered'], [approver, 'unregistered']));
    }
  });
});

describe('a co-signature that does not hold', () => {
  it('makes the bundle invalid, naming that signer, while the other keeps its registered status', async () => {
    const zip = bag.cosign(approver, Buffer.from('some other text')).zip();
    const result = await verifyBundle(zip, { registry: registry([f.key, 'FRA']) });
    expect(result.status).toBe('invalid');
    expect(result.reason).toEqual({ code: 'bundle:verify.signatureInvalid', params: { fingerprint: approver.fingerprint } });
    expect(result.signers).toEqual(signers([f.key, 'registered'], [approver, 'invalid']));
  });

  it('a public key filed under another key’s fingerprint counts as that signer’s invalid signature', async () => {
    const edited = bag.cosign(approver).set(`signatures/${approver.fingerprint}.pub.pem`, Buffer.from(stranger.publicKeyPem));
    const result = await verifyBundle(edited.zip(), { registry: registry([approver, 'FRA']) });
    expect(result.reason?.code).toBe('bundle:verify.publicKeyMismatch');
    expect(result.signers).toEqual(signers([f.key, 'unregistered'], [approver, 'invalid']));
  });

  it('when no signature holds, every signer is invalid, and nothing else is judged', async () => {
    const tag = bag.get('tagmanifest-sha256.txt');
    const edited = bag.set('tagmanifest-sha256.txt', Buffer.concat([tag, Buffer.from('\n')])).cosign(approver, Buffer.from('other'));
    const result = await verifyBundle(edited.zip(), { registry: registry([f.key, 'FRA']) });
    expect(result.status).toBe('invalid');
    expect(result.reason?.code).toBe('bundle:verify.signatureInvalid');
    expect(result.signers).toEqual(signers([f.key, 'invalid'], [approver, 'invalid']));
  });
});

describe('a payload changed under signatures that hold', () => {
  it('is invalid for the payload, with the signers as they stand', async () => {
    const edited = bag.cosign(approver).set('data/report.pdf', Buffer.from('%PDF-1.7\n% another report\n%%EOF\n'));
    const result = await verifyBundle(edited.zip(), { registry: registry([approver, 'FRA']) });
    expect(result.reason).toEqual({ code: 'bundle:verify.hashMismatch', params: { path: 'data/report.pdf' } });
    expect(result.signers).toEqual(signers([f.key, 'unregistered'], [approver, 'registered']));
  });
});
