// Bundles for the workspace tests, made by the real export code: several countries, revisions and keys.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { SigningKey } from '../../../core/keys';
import { createWorkspace, type Workspace } from '../../../core/secretariat';
import { addKey } from '../../../core/secretariat/registry';
import { exportFixture, makeFixture, newSigningKey, tempDir, type Fixture } from '../bundle/fixture';

export { tempDir } from '../bundle/fixture';

export interface BundleSpec {
  country?: string;
  revision?: number;
  key?: SigningKey;
  /** The External-Identifier's uuid; a fresh one by default. */
  id?: string;
  /** Bagging day. */
  date?: string;
}

export interface Kit {
  fixture: Fixture;
  dir: string;
  keys: { fra: SigningKey; ken: SigningKey; approver: SigningKey; stranger: SigningKey };
  /** Export a bundle into `into` (a fresh folder of the kit by default); returns its path. */
  bundle(spec?: BundleSpec, into?: string): Promise<string>;
  /** A new workspace (in `dir`, or a fresh folder) with FRA's and KEN's focal-point keys registered. */
  workspace(dir?: string): Promise<Workspace>;
}

let counter = 0;

export async function makeKit(): Promise<Kit> {
  const fixture = await makeFixture([{ name: 'note.txt', mediaType: 'text/plain', bytes: Buffer.from('Plan local de sécurité\n') }]);
  const keys = { fra: fixture.key, ken: await newSigningKey(), approver: await newSigningKey(), stranger: await newSigningKey() };
  const dir = fixture.dir;
  return {
    fixture,
    dir,
    keys,
    async bundle(spec = {}, into) {
      const folder = into ?? path.join(dir, `b${++counter}`);
      await fs.mkdir(folder, { recursive: true });
      const country = spec.country ?? 'FRA';
      const draft = { ...fixture.draft, assessment: { ...fixture.draft.assessment, countryCode: country } };
      const out = path.join(folder, `${country}-r${spec.revision ?? 1}-${++counter}.zip`);
      return exportFixture(fixture, {
        draft,
        signer: spec.key ?? (country === 'KEN' ? keys.ken : keys.fra),
        submissionRevision: spec.revision ?? 1,
        externalIdentifier: `urn:uuid:${spec.id ?? randomUUID()}`,
        out,
        ...(spec.date ? { now: new Date(`${spec.date}T10:00:00Z`) } : {}),
      });
    },
    async workspace(where) {
      const ws = await createWorkspace(where ?? (await tempDir('scsa-ws-')));
      await addKey(ws, { country: 'FRA', pem: keys.fra.publicKeyPem, fingerprint: keys.fra.fingerprint, name: 'Point focal France' });
      await addKey(ws, { country: 'KEN', pem: keys.ken.publicKeyPem, fingerprint: keys.ken.fingerprint, name: 'Kenya focal point' });
      return ws;
    },
  };
}

/** Every file under `dir`, relative, with `/`. */
export async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string, prefix: string) => {
    for (const e of await fs.readdir(d, { withFileTypes: true })) {
      if (e.isDirectory()) await walk(path.join(d, e.name), `${prefix}${e.name}/`);
      else out.push(`${prefix}${e.name}`);
    }
  };
  await walk(dir, '');
  return out.sort();
}
