// The workspace feature through dispatch, as the screens use it: register keys (fingerprint checked), import with a dry run, held bundles
// imported once their key is registered, the list by country, a submission read, its parts downloaded, a bundle countersigned.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, dispatchUpload } from '../../../core/api/dispatch';
import { createCoreService } from '../../../core/api/service';
import { FileSettingsStore } from '../../../core/settings/file-store';
import type { ApiResult, UploadName } from '../../../core/api/contract';
import { memoryFile, pollJob, tempDir, diskFile, type TestCore } from '../api/harness';
import { makeKit, type Kit } from '../secretariat/fixture';

let kit: Kit;
let core: TestCore;
let folder: string;
const bundles: Record<string, string> = {};

const text = (s: string) => memoryFile((async function* () {
  yield Buffer.from(s);
})(), 'key.pub.pem', 'application/x-pem-file');
const upload = (name: UploadName, file: ReturnType<typeof text>, ...params: unknown[]) => dispatchUpload(core.service.uploads, name, params, file);

async function finish<T>(jobId: string): Promise<T> {
  for (;;) {
    const r = await pollJob<{ state: string } & T>(core.call, jobId);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    if (r.value.state === 'done') return r.value;
    if (r.value.state === 'failed') throw new Error(JSON.stringify(r.value));
    await new Promise((res) => setTimeout(res, 20));
  }
}

interface Decision { path: string; decision: string; reason?: { code: string }; country?: string }

beforeAll(async () => {
  kit = await makeKit();
  const dir = await tempDir('ws-handlers');
  const service = createCoreService({ dataDir: dir, runtime: 'web', settings: new FileSettingsStore(dir), keyScrypt: { N: 2 ** 14, r: 8, p: 1 } });
  const call = (method: Parameters<typeof dispatch>[1], ...args: unknown[]) => dispatch(service.handlers, method, args);
  core = {
    service,
    call,
    async ok<T>(method: Parameters<typeof dispatch>[1], ...args: unknown[]) {
      const r = await call(method, ...args);
      if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
      return r.value as T;
    },
  } as TestCore;
  folder = path.join(kit.dir, 'inbox');
  const id = '8a1f5a7e-2b4c-4d7e-9f00-123456789abc';
  bundles.fra1 = await kit.bundle({ country: 'FRA', revision: 1, date: '2026-03-01' }, folder);
  bundles.fra2 = await kit.bundle({ country: 'FRA', revision: 2, date: '2026-05-01', id }, folder);
  bundles.ken = await kit.bundle({ country: 'KEN', key: kit.keys.stranger, date: '2026-04-01' }, folder);
  await fs.writeFile(path.join(folder, 'notes.zip'), 'not a zip at all');
}, 60_000);
afterAll(async () => core.service.dispose());

describe('workspace feature', () => {
  it('refuses work before a workspace is open', async () => {
    expect(await core.call('listRegistry')).toEqual({ ok: false, error: { code: 'secretariat:errors.noWorkspaceOpen' } });
  });

  it('registers a key only when the typed fingerprint matches its file', async () => {
    await core.ok('createWorkspace', path.join(await tempDir('ws-office'), 'w'));
    const wrong = kit.keys.fra.fingerprint.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    const refused = await upload('addRegistryKey', text(kit.keys.fra.publicKeyPem), { country: 'FRA', fingerprint: wrong, role: 'focal-point' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'secretariat:errors.fingerprintMismatch', params: { group: 1 } } });
    // Typed as in the letter: groups of eight, capitals.
    const grouped = kit.keys.fra.fingerprint.toUpperCase().replace(/(.{8})/g, '$1 ');
    const added = await upload('addRegistryKey', text(kit.keys.fra.publicKeyPem), { country: 'fra', fingerprint: grouped, role: 'focal-point', name: 'Point focal' });
    expect(added).toEqual({ ok: true, value: { held: [] } });
    const listed = await core.ok<{ entries: { country: string; fingerprint: string }[]; log: { action: string }[] }>('listRegistry');
    expect(listed.entries).toEqual([expect.objectContaining({ country: 'FRA', fingerprint: kit.keys.fra.fingerprint, role: 'focal-point' })]);
    expect(listed.log.map((l) => l.action)).toEqual(['add']);
  });

  it('imports a folder after a dry run that writes nothing; a bundle of an unregistered key is held, then imported once its key is registered', async () => {
    const dry = await core.ok<{ jobId: string }>('startWorkspaceImport', { paths: [folder], dryRun: true });
    const seen = await finish<{ dryRun: boolean; decisions: Decision[] }>(dry.jobId);
    expect(seen.dryRun).toBe(true);
    expect((await core.ok<{ series: unknown[] }>('listWorkspaceSubmissions')).series).toEqual([]);

    const started = await core.ok<{ jobId: string }>('startWorkspaceImport', { paths: [folder], dryRun: false });
    const report = await finish<{ decisions: Decision[] }>(started.jobId);
    const by = Object.fromEntries(report.decisions.map((d) => [path.basename(d.path), d]));
    expect(by[path.basename(bundles.fra1 as string)]?.decision).toBe('imported');
    expect(by[path.basename(bundles.fra2 as string)]?.decision).toBe('supersedes');
    expect(by[path.basename(bundles.ken as string)]).toMatchObject({ decision: 'held', reason: { code: 'secretariat:reasons.notRegistered' } });
    expect(by['notes.zip']?.decision).toBe('rejected');
    // The dry run decided every file the import decided on (held and rejected alike).
    expect(seen.decisions.map((d) => [d.path, ['held', 'rejected'].includes(d.decision) ? d.decision : 'stored'])).toEqual(report.decisions.map((d) => [d.path, ['held', 'rejected'].includes(d.decision) ? d.decision : 'stored']));

    const change = await upload('addRegistryKey', text(kit.keys.stranger.publicKeyPem), { country: 'KEN', fingerprint: kit.keys.stranger.fingerprint, role: 'focal-point' });
    expect(change).toMatchObject({ ok: true, value: { held: [expect.objectContaining({ decision: 'imported', country: 'KEN' })] } });
    const list = await core.ok<{ series: { country: string; revisions: unknown[]; consent: unknown }[]; held: unknown[] }>('listWorkspaceSubmissions');
    expect(list.series.map((s) => [s.country, s.revisions.length])).toEqual([['FRA', 2], ['KEN', 1]]);
    expect(list.held).toEqual([]);
  });

  it('reads a stored submission and hands out its PDF and attachments once', async () => {
    const list = await core.ok<{ series: { country: string; currentFile: string }[] }>('listWorkspaceSubmissions');
    const fra = list.series.find((s) => s.country === 'FRA') as { currentFile: string };
    const read = await core.ok<{ hasPdf: boolean; signers: { role: string | null }[]; submission: { submissionRevision: number; attachments: { sha256: string; name: string }[]; answers: object } }>('readWorkspaceSubmission', fra.currentFile);
    expect(read.submission.submissionRevision).toBe(2);
    expect(read.hasPdf).toBe(true);
    expect(read.signers).toEqual([expect.objectContaining({ role: 'focal-point' })]);
    const attachment = read.submission.attachments[0] as { sha256: string; name: string };
    const ticket = await core.ok<{ token: string; fileName: string }>('downloadWorkspaceFile', fra.currentFile, { kind: 'attachment', sha256: attachment.sha256 });
    const opened = await core.service.takeDownload(ticket.token, ticket.fileName);
    expect(opened).not.toBeNull();
    const bytes = Buffer.alloc(opened?.size ?? 0);
    await opened?.handle.read(bytes, 0, bytes.length, 0);
    await opened?.handle.close();
    expect(bytes.toString()).toBe('Plan local de sécurité\n');
    expect(await core.service.takeDownload(ticket.token, ticket.fileName)).toBeNull();
    expect(await core.call('readWorkspaceSubmission', 'submissions/FRA/00000000-0000-0000-0000-000000000000.zip')).toMatchObject({ ok: false, error: { code: 'secretariat:errors.submissionNotFound' } });
  });

  it('countersigns a bundle with this computer’s key and names every signer with its registered role', async () => {
    const key = await core.ok<{ fingerprint: string; publicKeyPem: string }>('createSigningKey', 'approver passphrase 1234');
    // Register this computer's key as France's approver, then countersign France's bundle.
    expect((await upload('addRegistryKey', text(key.publicKeyPem), { country: 'FRA', fingerprint: key.fingerprint, role: 'approver', name: 'Ministre' })).ok).toBe(true);
    const r = (await dispatchUpload(core.service.uploads, 'countersignBundleFile', ['approver passphrase 1234'], diskFile(bundles.fra2 as string))) as ApiResult<{ jobId: string }>;
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const done = await finish<{ id: string; signers: { fingerprint: string; role: string | null }[]; registryUsed: boolean }>(r.value.jobId);
    expect(done.registryUsed).toBe(true);
    expect(done.signers.map((s) => s.role).sort()).toEqual(['approver', 'focal-point']);
    const ticket = await core.ok<{ fileName: string }>('downloadCountersigned', done.id);
    expect(ticket.fileName).toMatch(/\.zip$/);
  });
});
