// The workflow methods over HTTP, as the page calls them, against the real core in a temp data folder.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLogSink } from '../../../core/log';
import { startWebHost, type WebHost } from '../../../web-host/server';
import { createWebApi } from '../../../renderer/src/api/web-api';
import type { RendererApi } from '../../../core/api/contract';

let tmp: string;
let dataDir: string;
let host: WebHost;
let api: RendererApi;

async function start(): Promise<void> {
  host = await startWebHost({ rendererDir: path.join(tmp, 'web'), dataDir, port: 0 });
  const base = `http://127.0.0.1:${host.port}`;
  api = createWebApi({ token: host.token, fetch: (input, init) => fetch(base + String(input), init) });
}

beforeEach(async () => {
  setLogSink(null);
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-http-wf-'));
  dataDir = path.join(tmp, 'data');
  await fs.mkdir(path.join(tmp, 'web'));
  await fs.mkdir(dataDir);
  await fs.writeFile(path.join(tmp, 'web', 'index.html'), '<!doctype html>');
  await start();
});

afterEach(async () => {
  await host.close();
  await fs.rm(tmp, { recursive: true, force: true });
  setLogSink((line) => process.stderr.write(line + '\n'));
});

function value<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r.error)}`);
  return r.value;
}

describe('workflow over the web host', () => {
  it('lists packs and the default checklist, every answer survives a host restart', async () => {
    const packs = value(await api.listPacks());
    expect(packs.find((p) => p.isDefault)?.id).toBe('safer-cities-sacl');
    expect(value(await api.getAppInfo()).checklistPack).toEqual({ id: 'safer-cities-sacl', version: '1.0.0' });
    const loaded = value(await api.getPack({ id: 'safer-cities-sacl', version: '1.0.0' }));
    expect(loaded.pack.sections).toHaveLength(9);

    const { draft } = value(await api.createAssessment({ countryCode: 'EGY', responseLanguage: 'ar', focalPoints: [], contributingInstitutions: [], periodCovered: null }));
    const firstItem = loaded.pack.sections[0]!.items[0]!.id;
    value(await api.saveAnswers(draft.id, { [firstItem]: 'وزارة الإسكان والمرافق' }));
    await host.close();

    await start();
    const reopened = value(await api.openAssessment(draft.id));
    expect(reopened.draft.answers).toEqual({ [firstItem]: 'وزارة الإسكان والمرافق' });
    expect(value(await api.listHistory(draft.id)).map((h) => h.revision)).toContain(1);
  });

  it('imports a large portable copy (over the 1 MB limit of other calls) as a new assessment', async () => {
    const { draft } = value(await api.createAssessment({ countryCode: 'IND', responseLanguage: 'en', focalPoints: [], contributingInstitutions: [], periodCovered: null }, { id: 'safer-cities-sample', version: '0.1.0' }));
    // Each save stays under the 1 MB limit of ordinary calls; together they make a copy of about 2 MB.
    for (const id of ['Z.1', 'Z.2', 'Z.3', 'Z.4']) value(await api.saveAnswers(draft.id, { [id]: 'x'.repeat(512 * 1024) }));
    const copy = value(await api.exportCopy(draft.id));
    expect(copy.text.length).toBeGreaterThan(2 * 1024 * 1024);
    const imported = value(await api.importCopy(copy, 'keepBoth'));
    expect(imported.draft.id).not.toBe(draft.id);
    expect(Object.values(imported.draft.answers).map((a) => (a as string).length)).toEqual([512 * 1024, 512 * 1024, 512 * 1024, 512 * 1024]);
    expect(value(await api.listAssessments())).toHaveLength(2);
  });
});
