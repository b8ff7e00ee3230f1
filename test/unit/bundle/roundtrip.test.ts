// A focal point signs a complete draft; the secretariat checks the bundle and knows who signed it.
import { afterEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { generateKey, saveKey, loadKeyFile, unlockKey } from '../../../core/keys';
import { bundleFileName, canonicalJson, exportBundle, verifyBundle, type KeyRegistry } from '../../../core/bundle';
import { FAST, NOW, PASS, exportFixture, makeFixture, readZip, type Fixture } from './fixture';

let f: Fixture | undefined;
afterEach(async () => {
  if (f) await fs.rm(f.dir, { recursive: true, force: true });
  f = undefined;
});

describe('keygen → export → verify', () => {
  it('a bundle from a freshly generated, saved and unlocked key verifies as valid', async () => {
    f = await makeFixture();
    const keyDir = path.join(f.dir, 'key');
    await saveKey(keyDir, await generateKey(PASS, FAST));
    const signer = await unlockKey(await loadKeyFile(keyDir), PASS);
    const result = await exportBundle(f.options({ signer }));
    expect(path.basename(result.file)).toBe('FRA_safer-cities-sample_v0.1.0_r1_2026-11-20.zip');
    const verdict = await verifyBundle(result.file);
    expect(verdict).toMatchObject({ status: 'valid-unregistered', fingerprints: [signer.fingerprint] });
    expect(verdict.bundle).toMatchObject({ country: 'FRA', submissionRevision: 1, externalIdentifier: result.externalIdentifier });
  });

  it('is "valid and registered" only when the registry lists the signer for that country from that date', async () => {
    f = await makeFixture();
    const file = await exportFixture(f);
    const fp = f.key.fingerprint;
    const cases: [KeyRegistry, string][] = [
      [[{ country: 'FRA', fingerprint: fp, name: 'Amélie Durand' }], 'valid-registered'],
      [[{ country: 'FRA', fingerprint: fp, validFrom: '2026-11-20' }], 'valid-registered'],
      [[{ country: 'FRA', fingerprint: fp, validFrom: '2026-11-21' }], 'valid-unregistered'],
      [[{ country: 'ESP', fingerprint: fp }], 'valid-unregistered'],
      [[], 'valid-unregistered'],
    ];
    for (const [registry, status] of cases) expect((await verifyBundle(file, { registry })).status).toBe(status);
  });

  it('has one top folder named like the file, the BagIt layout, plain file modes, and stores what does not compress', async () => {
    f = await makeFixture();
    const file = await exportFixture(f);
    const top = path.basename(file, '.zip');
    const entries = await readZip(file);
    const names = entries.map((e) => e.name);
    expect(names.every((n) => n.startsWith(`${top}/`))).toBe(true);
    const fp = f.key.fingerprint;
    const attachments = f.draft.attachments.map((a) => a.sha256);
    expect(names.map((n) => n.slice(top.length + 1)).sort()).toEqual(
      [
        'bagit.txt',
        'bag-info.txt',
        'data/submission.json',
        'data/report.pdf',
        `data/attachments/${attachments[0]}-Stratégie_de_Lyon_2020_.txt`,
        `data/attachments/${attachments[1]}-photo.jpg`,
        'manifest-sha256.txt',
        'tagmanifest-sha256.txt',
        `signatures/${fp}.sig`,
        `signatures/${fp}.pub.pem`,
      ].sort(),
    );
    expect(entries.every((e) => e.mode === 0o100644)).toBe(true);
    const method = (suffix: string) => entries.find((e) => e.name.endsWith(suffix))?.method;
    expect(method('photo.jpg')).toBe(0);
    expect(method('.txt')).toBe(8);
    expect(method('report.pdf')).toBe(0);
  });

  it('writes submission.json as canonical JSON holding the answers, and bag-info.txt agreeing with it', async () => {
    f = await makeFixture();
    const file = await exportFixture(f, { submissionRevision: 3, externalIdentifier: 'urn:uuid:0b7e2f3a-94c1-4d2e-8f00-123456789abc' });
    const texts = new Map((await readZip(file)).map((e) => [e.name.split('/').slice(1).join('/'), e.bytes.toString('utf8')]));
    const json = texts.get('data/submission.json') ?? '';
    const parsed = JSON.parse(json) as { answers: unknown; submissionRevision: number };
    expect(canonicalJson(parsed)).toBe(json);
    expect(parsed.answers).toEqual(f.draft.answers);
    expect(parsed.submissionRevision).toBe(3);
    const info = texts.get('bag-info.txt') ?? '';
    expect(info).toContain('External-Identifier: urn:uuid:0b7e2f3a-94c1-4d2e-8f00-123456789abc\n');
    expect(info).toContain('Country-Code: FRA\n');
    expect(info).toContain('Submission-Revision: 3\n');
    expect(info).toContain('Bagging-Date: 2026-11-20\n');
    expect(info).toContain('Contact-Name: Amélie Durand\n');
    expect(info).toMatch(/^Payload-Oxum: \d+\.4$/m);
    expect(texts.get('bagit.txt')).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    // The report was told it is the submitted version, with the bundle's identifier and the signer.
    expect(texts.get('data/report.pdf')).toContain(`submitted urn:uuid:0b7e2f3a-94c1-4d2e-8f00-123456789abc ${f.key.fingerprint}`);
    expect(path.basename(file)).toBe(bundleFileName({ country: 'FRA', checklistId: 'safer-cities-sample', checklistVersion: '0.1.0', revision: 3, date: NOW.toISOString().slice(0, 10) }));
  });

  it('accepts a PDF that arrives as a stream, and a draft without attachments', async () => {
    f = await makeFixture([]);
    async function* chunks(): AsyncIterable<Uint8Array> {
      yield Buffer.from('%PDF-1.7\n');
      yield Buffer.from('%%EOF\n');
    }
    const draft = { ...f.draft, answers: { ...f.draft.answers, 'C.3': { files: [], links: [] } } };
    const file = await exportFixture(f, { draft, renderPdf: async () => chunks(), out: path.join(f.dir, 'named.zip') });
    expect(path.basename(file)).toBe('named.zip');
    expect((await verifyBundle(file)).status).toBe('valid-unregistered');
  });
});
