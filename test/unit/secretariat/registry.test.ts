// The workspace's key registry: keys added only when the typed fingerprint matches, revoked,
// replaced by a signed statement; every change logged; held bundles looked at again.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors';
import { loadRegistry, verifyBundle } from '../../../core/bundle';
import { printableFingerprint, signReplacement } from '../../../core/keys';
import { addKey, applyReplacement, createWorkspace, importBundles, loadIndex, openWorkspace, revokeKey } from '../../../core/secretariat';
import { makeKit, tempDir, type Kit } from './fixture';

let kit: Kit;
beforeAll(async () => {
  kit = await makeKit();
});

async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const logOf = async (dir: string) =>
  (await fs.readFile(path.join(dir, 'registry-log.jsonl'), 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { action: string; fingerprint: string; entries: unknown[]; date?: string });

describe('adding a key', () => {
  it('accepts the fingerprint as printed in the letter: groups, two lines, capitals', async () => {
    const ws = await createWorkspace(await tempDir());
    const typed = printableFingerprint(kit.keys.fra.fingerprint).toUpperCase().replace('\n', '\n   ');
    const { entries } = await addKey(ws, { country: 'fra', pem: kit.keys.fra.publicKeyPem, fingerprint: typed, name: 'Point focal', role: 'focal-point', validFrom: '2026-01-01' });
    expect(entries).toEqual([
      { country: 'FRA', fingerprint: kit.keys.fra.fingerprint, publicKeyPem: kit.keys.fra.publicKeyPem, name: 'Point focal', role: 'focal-point', validFrom: '2026-01-01' },
    ]);
    const file = JSON.parse(await fs.readFile(path.join(ws.dir, 'registry.json'), 'utf8'));
    expect(file).toEqual({ format: 'scsa-registry', schemaVersion: 1, keys: entries });
    expect(await logOf(ws.dir)).toEqual([expect.objectContaining({ action: 'add', fingerprint: kit.keys.fra.fingerprint, entries })]);
    // `scsa verify --registry` reads the workspace's registry.json as it is.
    expect((await loadRegistry(path.join(ws.dir, 'registry.json')))[0]).toMatchObject({ country: 'FRA', role: 'focal-point' });
    await ws.close();
  });

  it('refuses a PEM whose fingerprint differs from the typed one, naming the first group that differs, and writes nothing', async () => {
    const ws = await createWorkspace(await tempDir());
    const fp = kit.keys.fra.fingerprint;
    const typo = fp.slice(0, 20) + (fp[20] === '0' ? '1' : '0') + fp.slice(21);
    const err = await failure(addKey(ws, { country: 'FRA', pem: kit.keys.fra.publicKeyPem, fingerprint: typo }));
    expect(err.code).toBe('secretariat:errors.fingerprintMismatch');
    expect(err.params).toEqual({ group: 3 });
    const other = await failure(addKey(ws, { country: 'FRA', pem: kit.keys.ken.publicKeyPem, fingerprint: fp }));
    expect(other.code).toBe('secretariat:errors.fingerprintMismatch');
    expect((await failure(addKey(ws, { country: 'FRA', pem: kit.keys.fra.publicKeyPem, fingerprint: 'abc' }))).code).toBe('secretariat:errors.fingerprintInvalid');
    expect((await failure(addKey(ws, { country: 'FRA', pem: 'not a key', fingerprint: fp }))).code).toBe('bundle:errors.publicKeyInvalid');
    expect((await failure(addKey(ws, { country: 'FR', pem: kit.keys.fra.publicKeyPem, fingerprint: fp }))).code).toBe('secretariat:errors.badCountry');
    expect(ws.registry).toEqual([]);
    expect(await fs.stat(path.join(ws.dir, 'registry-log.jsonl')).catch(() => null)).toBeNull();
    await ws.close();
  });

  it('registers a key once per country; an approver key may be added beside the focal point', async () => {
    const ws = await kit.workspace();
    expect((await failure(addKey(ws, { country: 'FRA', pem: kit.keys.fra.publicKeyPem, fingerprint: kit.keys.fra.fingerprint }))).code).toBe('secretariat:errors.alreadyRegistered');
    await addKey(ws, { country: 'FRA', pem: kit.keys.approver.publicKeyPem, fingerprint: kit.keys.approver.fingerprint, role: 'approver', name: 'Ministre' });
    expect(ws.registry.map((k) => [k.country, k.role])).toEqual([
      ['FRA', 'focal-point'],
      ['KEN', 'focal-point'],
      ['FRA', 'approver'],
    ]);
    await ws.close();
  });
});

describe('revoking a key', () => {
  it('from a date: bundles bagged before stay filed, later ones are held; the log keeps the date', async () => {
    const ws = await kit.workspace();
    await revokeKey(ws, kit.keys.fra.fingerprint, { date: '2026-09-01' });
    const { decisions } = await importBundles(ws, [await kit.bundle({ date: '2026-08-31', revision: 1 }), await kit.bundle({ date: '2026-09-01', revision: 2 })]);
    expect(decisions.map((d) => d.decision)).toEqual(['imported', 'held']);
    expect((await logOf(ws.dir)).at(-1)).toMatchObject({ action: 'revoke', date: '2026-09-01' });
    expect((await failure(revokeKey(ws, kit.keys.fra.fingerprint, { date: '2026-10-01' }))).code).toBe('secretariat:errors.alreadyRevoked');
    expect((await failure(revokeKey(ws, kit.keys.stranger.fingerprint))).code).toBe('secretariat:errors.keyNotRegistered');
    expect((await failure(revokeKey(ws, kit.keys.ken.fingerprint, { date: '1 March' }))).code).toBe('secretariat:errors.badDate');
    await ws.close();
  });
});

describe('applying a key replacement statement', () => {
  it('ends the old key on the statement day, registers the new one from then, and files the bundles it held', async () => {
    const ws = await kit.workspace();
    const fresh = kit.keys.stranger;
    const held = await importBundles(ws, [await kit.bundle({ key: fresh, revision: 2, date: '2026-11-20' })]);
    expect(held.decisions.map((d) => d.decision)).toEqual(['held']);
    const statement = signReplacement(kit.keys.fra, fresh, new Date('2026-11-15T08:00:00Z'));
    const change = await applyReplacement(ws, JSON.parse(JSON.stringify(statement)));
    expect(change.held.map((d) => d.decision)).toEqual(['imported']);
    const byFp = (fp: string) => ws.registry.find((k) => k.fingerprint === fp && k.country === 'FRA');
    expect(byFp(kit.keys.fra.fingerprint)?.validTo).toBe('2026-11-15');
    expect(byFp(fresh.fingerprint)).toMatchObject({ validFrom: '2026-11-15', role: 'focal-point', name: 'Point focal France', publicKeyPem: fresh.publicKeyPem });
    expect((await logOf(ws.dir)).at(-1)).toMatchObject({ action: 'replace', fingerprint: kit.keys.fra.fingerprint, date: '2026-11-15' });
    expect((await loadIndex(ws)).held).toEqual([]);
    expect((await failure(applyReplacement(ws, statement))).code).toBe('secretariat:errors.replacementAlreadyApplied');
    // After the replacement day, the old key no longer counts.
    const late = await importBundles(ws, [await kit.bundle({ revision: 3, date: '2026-11-16' })]);
    expect(late.decisions[0]?.reason?.code).toBe('secretariat:reasons.keyNotInForce');
    await ws.close();
  });

  it('refuses a statement whose old key is not registered, or whose signature does not hold', async () => {
    const ws = await kit.workspace();
    const unknown = signReplacement(kit.keys.stranger, kit.keys.approver);
    expect((await failure(applyReplacement(ws, unknown))).code).toBe('secretariat:errors.replacementOldNotRegistered');
    const forged = { ...signReplacement(kit.keys.fra, kit.keys.approver), signature: signReplacement(kit.keys.ken, kit.keys.approver).signature };
    expect((await failure(applyReplacement(ws, forged))).code).toBe('bundle:errors.replacementInvalid');
    await ws.close();
  });
});

describe('a registry with roles, for verify', () => {
  it('verify reports a bundle signed by a revoked key as not registered after the revocation date', async () => {
    const ws = await kit.workspace();
    await revokeKey(ws, kit.keys.fra.fingerprint, { date: '2026-01-01' });
    const registry = await loadRegistry(path.join(ws.dir, 'registry.json'));
    expect((await verifyBundle(await kit.bundle(), { registry })).status).toBe('valid-unregistered');
    await ws.close();
    const reader = await openWorkspace(ws.dir);
    expect(reader.registry.find((k) => k.country === 'FRA')?.revokedAt).toBe('2026-01-01');
  });
});
