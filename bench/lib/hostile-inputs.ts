/**
 * One hostile input of test/fixtures/hostile/corpus.ts, fed to the entry point it targets, in a
 * fresh process (bench/hostile-inputs.mjs starts one per case): prints `{ms, inputMb, peakMb,
 * outcome}`: the time of the refusal itself, the process's peak resident memory once the input was
 * built (the input itself, Node and the app's modules) and its peak after the refusal.
 */
import { promises as fs } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { setLogSink } from '../../core/log';
import { dispatch } from '../../core/api/dispatch';
import { createCoreService } from '../../core/api/service';
import { FileSettingsStore } from '../../core/settings/file-store';
import { DraftStore } from '../../core/store/draft-store';
import { importCopy } from '../../core/store/portable';
import { serializeDraft } from '../../core/store/read';
import { MAX_ANSWER_BYTES, MAX_DRAFT_BYTES } from '../../core/draft/limits';
import { startWebHost } from '../../web-host/server';
import { main as cli } from '../../cli/main';
import { SPOOF, amplifyingDraftText, baseDraft, deepSaveBody, draftTextWithAnswers, tooManyAnswersText } from '../../test/fixtures/hostile/corpus';

type Case = (dir: string) => Promise<{ run: () => Promise<string> }>;

const core = (dir: string) => createCoreService({ dataDir: path.join(dir, 'data'), runtime: 'web', settings: new FileSettingsStore(dir), snapshotIntervalMs: 0 });
const outcome = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'accepted' : r.error?.code ?? '?');

function post(port: number, token: string, method: string, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: 'POST', path: `/api/${method}`, headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}`, 'x-scsa-token': token } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve(`HTTP ${res.statusCode ?? 0} ${text.slice(0, 80)}`));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function hostWith(dir: string) {
  await fs.mkdir(path.join(dir, 'renderer'), { recursive: true });
  await fs.writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html>');
  const host = await startWebHost({ rendererDir: path.join(dir, 'renderer'), dataDir: path.join(dir, 'data'), port: 0 });
  const made = await post(host.port, host.token, 'createAssessment', JSON.stringify({ args: [{ countryCode: 'FRA', responseLanguage: 'en' }, { id: 'safer-cities-sample', version: '0.1.0' }] }));
  const id = /"id":"([^"]+)"/.exec(made)?.[1] ?? '';
  return { host, id };
}

/**
 * Wide arrays nested 7 deep: 3.6 MB of compact JSON whose draft file, indented line by line, would
 * be 38 MB (each answer 3.2 MB, within its own bound; the twelve of them beyond the draft's).
 */
function indentationBomb(): string {
  const zeros = Array.from({ length: 150_000 }, () => '0').join(',');
  const one = `${'['.repeat(7)}${zeros}${']'.repeat(7)}`;
  return draftTextWithAnswers(Array.from({ length: 12 }, (_, i) => `"Z.${i}":${one}`));
}

export const CASES: Record<string, Case> = {
  'baseline (no input)': async () => ({ run: async () => 'nothing' }),
  'portable copy 430 KB, unknown answers 1,000 deep (API import)': async (dir) => {
    const c = core(dir);
    const text = amplifyingDraftText();
    return { run: async () => outcome(await dispatch(c.handlers, 'importCopy', [{ fileName: 'deep.scsa.json', text }])) };
  },
  'portable copy 430 KB, 1,000 deep (file import)': async (dir) => {
    const file = path.join(dir, 'deep.scsa.json');
    await fs.writeFile(file, amplifyingDraftText());
    const store = new DraftStore({ dataDir: path.join(dir, 'data') });
    return { run: () => importCopy(store, file).then(() => 'accepted', (e: { code?: string }) => e.code ?? '?') };
  },
  'scsa validate of the 430 KB copy': async (dir) => {
    const file = path.join(dir, 'deep.scsa.json');
    await fs.writeFile(file, amplifyingDraftText());
    return { run: async () => `exit ${await cli(['validate', file], {}, { out: () => undefined, err: () => undefined })}` };
  },
  'saveAnswers nested 5,000 deep (web host)': async (dir) => {
    const { host, id } = await hostWith(dir);
    return { run: () => post(host.port, host.token, 'saveAnswers', deepSaveBody(id, 5000)) };
  },
  'saveAnswers nested 500,000 deep, 1 MB body (web host)': async (dir) => {
    const { host, id } = await hostWith(dir);
    return { run: () => post(host.port, host.token, 'saveAnswers', deepSaveBody(id, 500_000)) };
  },
  'saveAnswers nested 2,000,000 deep, 4 MB body (web host)': async (dir) => {
    const { host, id } = await hostWith(dir);
    return { run: () => post(host.port, host.token, 'saveAnswers', deepSaveBody(id, 2_000_000)) };
  },
  'portable copy with 2,001 answers (API import)': async (dir) => {
    const c = core(dir);
    const text = tooManyAnswersText(2001);
    return { run: async () => outcome(await dispatch(c.handlers, 'importCopy', [{ fileName: 'many.scsa.json', text }])) };
  },
  'portable copy 3.6 MB compact, 38 MB as a draft file (API import)': async (dir) => {
    const c = core(dir);
    const text = indentationBomb();
    return { run: async () => outcome(await dispatch(c.handlers, 'importCopy', [{ fileName: 'wide.scsa.json', text }])) };
  },
  'portable copy with a 4 MB answer (API import)': async (dir) => {
    const c = core(dir);
    const text = draftTextWithAnswers([`"Z.1":${JSON.stringify('x'.repeat(MAX_ANSWER_BYTES))}`]);
    return { run: async () => outcome(await dispatch(c.handlers, 'importCopy', [{ fileName: 'big.scsa.json', text }])) };
  },
  'largest allowed draft, 32 MB (API import, accepted)': async (dir) => {
    const c = core(dir);
    const answers: Record<string, string> = {};
    for (let i = 0; i < 8; i++) answers[`Z.${i}`] = 'y'.repeat(MAX_ANSWER_BYTES - 1000);
    answers['Z.8'] = '';
    answers['Z.8'] = 'y'.repeat(MAX_DRAFT_BYTES - Buffer.byteLength(serializeDraft({ ...baseDraft(), answers })));
    const text = serializeDraft({ ...baseDraft(), answers });
    return { run: async () => outcome(await dispatch(c.handlers, 'importCopy', [{ fileName: 'max.scsa.json', text }])) };
  },
  'scsa validate, checklist id with ESC and bidi spoofing': async (dir) => {
    const file = path.join(dir, 'spoof.scsa.json');
    await fs.writeFile(file, JSON.stringify({ ...baseDraft(), checklist: { id: SPOOF.clearScreen, version: SPOOF.reversedExtension } }));
    let printed = '';
    const io = { out: (t: string) => void (printed += t), err: (t: string) => void (printed += t) };
    return { run: async () => `exit ${await cli(['validate', file], {}, io)}, ${/\u001b|\u202e/.test(printed) ? 'RAW CONTROLS' : 'controls escaped'}` };
  },
};

async function run(name: string): Promise<void> {
  setLogSink(null);
  const make = CASES[name];
  if (!make) throw new Error(`no case ${name}`);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-hostile-'));
  try {
    const { run: go } = await make(dir);
    const inputMb = process.resourceUsage().maxRSS / 1024;
    const started = process.hrtime.bigint();
    const result = await go();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const peakMb = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(`${JSON.stringify({ ms: Math.round(ms), inputMb: Math.round(inputMb), peakMb: Math.round(peakMb), outcome: result })}\n`);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  process.exit(0);
}

const arg = process.argv[2];
if (arg === '--list') process.stdout.write(`${JSON.stringify(Object.keys(CASES))}\n`);
else if (arg) void run(arg).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(2);
});
