/**
 * Signed pack containers and the trust list: a pack counts only when every signature is valid over
 * the exact bytes of pack.json and a signer is in the trust list; everything else is refused with
 * its own message, before the content is used.
 */
import { sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { samplePackSource } from '../../../core/checklist/sample';
import { AppError } from '../../../core/errors';
import { describeSignatures, openSignedPack, readPackContainer, verifyPackSignatures, loadPackBytes, EMPTY_TRUST, mergeTrust } from '../../../core/packs';
import { PACK_BYTES_LIMIT, PACK_ITEMS_LIMIT } from '../../../core/checklist/pack-limits';
import { sampleRevisionSource } from '../../fixtures/packs/sample-revision';
import { packBytes, signatureEntries, signedPack, testKey, trustOf, zipOf } from '../../fixtures/packs/signing';

const secretariat = testKey();
const stranger = testKey();
const TRUST = trustOf(secretariat);

async function refusal(promise: Promise<unknown>): Promise<{ code: string; params: Record<string, unknown> }> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, params: err.params ?? {} };
    throw err;
  }
  throw new Error('was accepted');
}

describe('a pack signed by a trusted key', () => {
  it('opens: the pack, its signer, and the exact bytes that were signed', async () => {
    const raw = sampleRevisionSource();
    const opened = await openSignedPack(await signedPack(raw, secretariat), TRUST);
    expect(opened.fingerprint).toBe(secretariat.fingerprint);
    expect(opened.loaded.pack.version).toBe('0.2.0');
    expect(opened.packBytes.equals(packBytes(raw))).toBe(true);
  });

  it('opens when one of several signers is trusted', async () => {
    const container = await readPackContainer(await signedPack(sampleRevisionSource(), stranger));
    const both = await readPackContainer(await signedPack(sampleRevisionSource(), secretariat));
    const two = { packBytes: both.packBytes, signatures: [...both.signatures, { ...container.signatures[0]!, signature: sign(null, both.packBytes, stranger.privateKey) }] };
    expect(verifyPackSignatures(two, TRUST)).toBe(secretariat.fingerprint);
    expect(verifyPackSignatures(two, mergeTrust(TRUST, trustOf(stranger)))).toBe(secretariat.fingerprint);
  });
});

describe('refused, with a message naming why', () => {
  it('a key that is not in the trust list (its fingerprint is named)', async () => {
    expect(await refusal(openSignedPack(await signedPack(sampleRevisionSource(), stranger), TRUST))).toEqual({
      code: 'packs:errors.unknownSigner',
      params: { fingerprint: stranger.fingerprint },
    });
    expect((await refusal(openSignedPack(await signedPack(sampleRevisionSource(), secretariat), EMPTY_TRUST))).code).toBe('packs:errors.unknownSigner');
  });

  it('a pack changed after signing, however little', async () => {
    const bytes = packBytes(sampleRevisionSource());
    const signature = sign(null, bytes, secretariat.privateKey);
    const changed = Buffer.from(bytes.toString('utf8').replace('"0.2.0"', '"0.2.1"'));
    const tampered = await zipOf({ 'pack.json': changed, ...signatureEntries(secretariat, signature) });
    expect(await refusal(openSignedPack(tampered, TRUST))).toEqual({ code: 'packs:errors.tampered', params: { fingerprint: secretariat.fingerprint } });
    // A trailing space is a change too: the signature covers the exact bytes.
    const spaced = await zipOf({ 'pack.json': Buffer.concat([bytes, Buffer.from(' ')]), ...signatureEntries(secretariat, signature) });
    expect((await refusal(openSignedPack(spaced, TRUST))).code).toBe('packs:errors.tampered');
  });

  it('a signature by one key filed under another key\'s name, or half a signature', async () => {
    const bytes = packBytes(sampleRevisionSource());
    const swapped = await zipOf({
      'pack.json': bytes,
      [`signatures/${secretariat.fingerprint}.sig`]: sign(null, bytes, stranger.privateKey),
      [`signatures/${secretariat.fingerprint}.pub.pem`]: stranger.publicKeyPem,
    });
    expect((await refusal(openSignedPack(swapped, TRUST))).code).toBe('packs:errors.tampered');
    const half = await zipOf({ 'pack.json': bytes, [`signatures/${secretariat.fingerprint}.sig`]: sign(null, bytes, secretariat.privateKey) });
    expect((await refusal(openSignedPack(half, TRUST))).code).toBe('packs:errors.tampered');
  });

  it('an unsigned pack, a bare pack.json, a file that is not a pack, an entry that does not belong', async () => {
    const bytes = packBytes(sampleRevisionSource());
    expect((await refusal(openSignedPack(await zipOf({ 'pack.json': bytes }), TRUST))).code).toBe('packs:errors.unsigned');
    expect((await refusal(openSignedPack(bytes, TRUST))).code).toBe('packs:errors.notAPackFile');
    expect((await refusal(openSignedPack(await zipOf({ 'readme.txt': 'hello' }), TRUST))).code).toBe('packs:errors.notAPackFile');
    const extra = await zipOf({ 'pack.json': bytes, 'signatures/notes.txt': 'x', ...signatureEntries(secretariat, sign(null, bytes, secretariat.privateKey)) });
    expect(await refusal(openSignedPack(extra, TRUST))).toEqual({ code: 'packs:errors.unexpectedEntry', params: { path: 'signatures/notes.txt' } });
    // A pack inside a folder is not where a reader looks for it (hostile names: test/unit/bundle/hostile-zips.test.ts).
    expect((await refusal(openSignedPack(await zipOf({ 'pack/pack.json': bytes }), TRUST))).code).toBe('packs:errors.notAPackFile');
  });

  it('a pack of 50 MB', async () => {
    const huge = Buffer.alloc(PACK_BYTES_LIMIT, 0x20);
    huge.write('{}', 0);
    const zip = await zipOf({ 'pack.json': huge, ...signatureEntries(secretariat, sign(null, huge, secretariat.privateKey)) });
    expect(await refusal(openSignedPack(zip, TRUST))).toEqual({ code: 'packs:errors.packTooLarge', params: { limit: 50 } });
    expect(() => loadPackBytes(huge)).toThrow(expect.objectContaining({ code: 'packs:errors.packTooLarge' }));
  }, 60_000);

  it('a pack with 10,000 items, signed and otherwise well formed', async () => {
    const raw = samplePackSource() as { sections: { items: { id: string }[] }[] } & Record<string, unknown>;
    const template = raw.sections[0]!.items[0]!;
    raw.sections = [{ ...raw.sections[0]!, items: Array.from({ length: PACK_ITEMS_LIMIT }, (_, i) => ({ ...template, id: `A.${i + 1}` })) }];
    expect(await refusal(openSignedPack(await signedPack(raw, secretariat), TRUST))).toEqual({
      code: 'packs:errors.tooManyItems',
      params: { count: PACK_ITEMS_LIMIT, limit: PACK_ITEMS_LIMIT },
    });
  });

  it('a signed pack with a rule that does not parse, or migrations that point nowhere or go round', async () => {
    const broken = sampleRevisionSource() as { sections: { items: Record<string, unknown>[] }[] } & Record<string, unknown>;
    broken.sections[1]!.items[1]!.relevance = "answer('B.1').status in ['fully', 'partially'";
    expect((await refusal(openSignedPack(await signedPack(broken, secretariat), TRUST))).code).toBe('drafts:errors.packRuleSyntax');
    const missing = { ...sampleRevisionSource(), migrations: [{ from: '0.1.0', to: '0.2.0', items: { 'B.2': { to: 'B.99' } } }] };
    expect(await refusal(openSignedPack(await signedPack(missing, secretariat), TRUST))).toMatchObject({
      code: 'packs:errors.migrationTarget',
      params: { itemId: 'B.2', target: 'B.99', from: '0.1.0' },
    });
    const loop = { ...sampleRevisionSource(), migrations: [{ from: '0.1.0', to: '0.1.5', items: {} }, { from: '0.1.5', to: '0.1.0', items: {} }] };
    expect((await refusal(openSignedPack(await signedPack(loop, secretariat), TRUST))).code).toBe('packs:errors.migrationLoop');
  });
});

describe('describeSignatures (for pack check)', () => {
  it('tells valid, trusted and broken signatures apart without throwing', async () => {
    const container = await readPackContainer(await signedPack(sampleRevisionSource(), stranger));
    expect(describeSignatures(container, TRUST)).toEqual([{ fingerprint: stranger.fingerprint, valid: true, trusted: false }]);
    const broken = { ...container, packBytes: Buffer.from('{}') };
    expect(describeSignatures(broken, trustOf(stranger))).toEqual([{ fingerprint: stranger.fingerprint, valid: false, trusted: false }]);
  });
});
