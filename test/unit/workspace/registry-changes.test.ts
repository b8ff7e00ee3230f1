// Revoking a key and applying a key replacement statement through the workspace feature, as the registry screen does.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchUpload } from '../../../core/api/dispatch';
import { signReplacement } from '../../../core/keys';
import { makeCore, memoryFile, tempDir, type TestCore } from '../api/harness';
import { makeKit, type Kit } from '../secretariat/fixture';

let kit: Kit;
let core: TestCore;
const upload = (text: string, name: string) =>
  memoryFile((async function* () {
    yield Buffer.from(text);
  })(), name, 'application/json');

beforeAll(async () => {
  kit = await makeKit();
  core = makeCore(await tempDir('ws-registry'));
  const dir = path.join(await tempDir('ws-registry-w'), 'w');
  await (await kit.workspace(dir)).close();
  await core.ok('openWorkspace', dir);
}, 60_000);
afterAll(async () => core.service.dispose());

interface Listed {
  entries: { country: string; fingerprint: string; revokedAt?: string; validFrom?: string; validTo?: string }[];
  log: { action: string; countries: string[]; date?: string; replacedBy?: string }[];
}

describe('registry changes in the app', () => {
  it('revokes a key for one country from a day on, logged; revoking again is refused in words', async () => {
    const change = await core.ok<{ held: unknown[] }>('revokeRegistryKey', { fingerprint: kit.keys.ken.fingerprint, country: 'KEN', date: '2026-10-01' });
    expect(change.held).toEqual([]);
    const listed = await core.ok<Listed>('listRegistry');
    expect(listed.entries.find((e) => e.country === 'KEN')?.revokedAt).toBe('2026-10-01');
    expect(listed.log[0]).toMatchObject({ action: 'revoke', countries: ['KEN'], date: '2026-10-01' });
    expect(await core.call('revokeRegistryKey', { fingerprint: kit.keys.ken.fingerprint, date: '2026-11-01' })).toMatchObject({ ok: false, error: { code: 'secretariat:errors.alreadyRevoked' } });
  });

  it('applies a replacement statement: the old key ends that day, the new one is registered from it', async () => {
    const statement = signReplacement(kit.keys.fra, kit.keys.approver, new Date('2026-11-15T08:00:00Z'));
    const r = await dispatchUpload(core.service.uploads, 'applyKeyReplacement', [], upload(JSON.stringify(statement), 'key-replacement.json'));
    expect(r.ok).toBe(true);
    const listed = await core.ok<Listed>('listRegistry');
    const fra = listed.entries.filter((e) => e.country === 'FRA');
    expect(fra).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ fingerprint: kit.keys.fra.fingerprint, validTo: '2026-11-15' }),
        expect.objectContaining({ fingerprint: kit.keys.approver.fingerprint, validFrom: '2026-11-15' }),
      ]),
    );
    expect(listed.log[0]).toMatchObject({ action: 'replace', replacedBy: kit.keys.approver.fingerprint });
  });

  it('refuses a statement that is not JSON, and a PEM that is not a public key, in words', async () => {
    expect(await dispatchUpload(core.service.uploads, 'applyKeyReplacement', [], upload('not json', 'letter.txt'))).toMatchObject({ ok: false, error: { code: 'secretariat:errors.statementNotJson' } });
    const r = await dispatchUpload(core.service.uploads, 'addRegistryKey', [{ country: 'MAR', fingerprint: kit.keys.approver.fingerprint, role: 'approver' }], upload('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n', 'key.pem'));
    expect(r).toMatchObject({ ok: false, error: { code: 'bundle:errors.publicKeyInvalid' } });
  });
});
