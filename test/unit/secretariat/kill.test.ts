// `scsa import` killed (SIGKILL) at random moments: every time the workspace opens, no bundle it had
// filed is lost, no file under a final name is partial; finished, a second import of the same folder
// reports only duplicates. `npm test` makes 30 kills (about half a minute); the soak
// (`node bench/import-crash-soak.mjs`, docs/benchmarks.md) runs this same test with SCSA_IMPORT_KILLS=200.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CLI_ENTRY, ensureBuilt } from '../../e2e/harness';
import { addKey, countersignBundle, loadIndex, openWorkspace } from '../../../core/secretariat';
import { makeKit, filesUnder, tempDir, type Kit } from './fixture';

/** Processes actually killed (a run that finishes before its kill does not count). */
const KILLS = Math.max(1, Number(process.env.SCSA_IMPORT_KILLS ?? 30));
const KILLS_PER_WORKSPACE = Math.min(20, KILLS);
/** Where the soak wants the counts written (JSON), if anywhere. */
const REPORT = process.env.SCSA_IMPORT_KILL_REPORT;

vi.setConfig({ testTimeout: 300_000 + KILLS * 10_000, hookTimeout: 120_000 });
const BUNDLES = 7;

let kit: Kit;
let inbox: string;
let template: string;
/** SHA-256 of every source bundle: a stored file must be one of them, byte for byte. */
const sources = new Set<string>();

const sha = async (file: string) => createHash('sha256').update(await fs.readFile(file)).digest('hex');

/**
 * Run `scsa import --json` on the inbox; with `kill`, SIGKILL it `afterMs` after its `afterLines`-th
 * decision line (0: after the start), so that the kills fall inside the import's work rather than
 * in Node's start-up.
 */
function runImport(workspace: string, kill: { afterLines: number; afterMs: number } | null): Promise<{ code: number | null; stdout: string; ms: number; lineTimes: number[] }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const lineTimes: number[] = [];
    const child = spawn(process.execPath, [CLI_ENTRY, 'import', '--workspace', workspace, '--json', inbox], { stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    let timer: NodeJS.Timeout | null = null;
    const arm = () => {
      if (kill && !timer) timer = setTimeout(() => child.kill('SIGKILL'), kill.afterMs);
    };
    if (kill?.afterLines === 0) arm();
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const lines = stdout.split('\n').length - 1;
      while (lineTimes.length < lines) lineTimes.push(Date.now() - started);
      if (kill && lines >= kill.afterLines) arm();
    });
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code, stdout, ms: Date.now() - started, lineTimes });
    });
  });
}

/** What a killed import may leave, checked before anything reopens the workspace. */
async function checkAfterKill(workspace: string, storedBefore: Set<string>): Promise<{ stored: Set<string>; interrupted: boolean }> {
  const files = await filesUnder(workspace);
  // A copy on its way in, or an index behind the stored files: the kill cut into the import's work.
  let interrupted = files.some((f) => f.startsWith('.incoming/'));
  for (const f of files) {
    expect(f, 'an unexpected file').toMatch(
      /^(workspace\.json|registry\.json|registry-log\.jsonl|index\.json|import-log\.jsonl|\.lock|submissions\/[A-Z]{3}\/[0-9a-f-]{36}\.zip|\.incoming\/[0-9a-f]{16}\.partial|\.(index|registry)\.json\.\d+\.[0-9a-f]+\.tmp|\.lock\.\d+\.[0-9a-f]+\.tmp)$/,
    );
  }
  // Everything under a final name is complete: one of the source bundles, byte for byte.
  for (const f of files.filter((x) => x.startsWith('submissions/'))) expect(sources.has(await sha(path.join(workspace, f))), f).toBe(true);

  // The workspace opens (taking over the dead process's lock), sweeps what was in flight, and its
  // index lists every stored bundle.
  const ws = await openWorkspace(workspace, { write: true });
  try {
    const saved = await fs.readFile(path.join(workspace, 'index.json'), 'utf8').catch(() => '');
    const index = await loadIndex(ws);
    interrupted ||= saved !== (await fs.readFile(path.join(workspace, 'index.json'), 'utf8').catch(() => ''));
    expect(await fs.readdir(path.join(workspace, '.incoming'))).toEqual([]);
    expect((await filesUnder(workspace)).filter((f) => f.endsWith('.tmp') || f.endsWith('.partial'))).toEqual([]);
    const stored = new Set(index.submissions.map((s) => s.externalIdentifier));
    expect(index.submissions.map((s) => s.file).sort()).toEqual(files.filter((x) => x.startsWith('submissions/')).sort());
    // Nothing filed before is lost.
    for (const id of storedBefore) expect(stored.has(id), id).toBe(true);
    // Every bundle the log says was filed is there.
    const log = (await fs.readFile(path.join(workspace, 'import-log.jsonl'), 'utf8').catch(() => '')).split('\n').filter(Boolean);
    for (const line of log) {
      let entry: { decision?: string; facts?: { externalIdentifier: string } } = {};
      try {
        entry = JSON.parse(line);
      } catch {
        continue; // a line cut short by the kill: the reader skips it
      }
      if (entry.facts && ['imported', 'supersedes', 'countersigned', 'conflict'].includes(entry.decision ?? '')) expect(stored.has(entry.facts.externalIdentifier)).toBe(true);
    }
    return { stored, interrupted };
  } finally {
    await ws.close();
  }
}

beforeAll(async () => {
  await ensureBuilt();
  kit = await makeKit();
  inbox = await tempDir('scsa-kill-inbox-');
  const specs = [
    { country: 'FRA', revision: 1 },
    { country: 'FRA', revision: 2 },
    { country: 'FRA', revision: 3 },
    { country: 'KEN', revision: 1 },
    { country: 'KEN', revision: 2 },
    { country: 'KEN', revision: 3 },
  ];
  const made = [];
  for (const spec of specs) made.push(await kit.bundle(spec));
  for (const [i, file] of made.entries()) await fs.copyFile(file, path.join(inbox, `${String(i).padStart(2, '0')}-${path.basename(file)}`));
  // A countersigned copy of the first, after it in name order: the stored file gets replaced in place.
  await countersignBundle({ source: made[0] as string, signer: kit.keys.approver, out: path.join(inbox, '99-countersigned.zip') });
  for (const name of await fs.readdir(inbox)) sources.add(await sha(path.join(inbox, name)));

  const ws = await kit.workspace(path.join(await tempDir('scsa-kill-template-'), 'ws'));
  await addKey(ws, { country: 'FRA', pem: kit.keys.approver.publicKeyPem, fingerprint: kit.keys.approver.fingerprint, role: 'approver' });
  template = ws.dir;
  await ws.close();
});

describe('scsa import, killed at random moments', () => {
  it(`survives ${KILLS} kills: the workspace opens, nothing filed is lost, no partial file; finished, a repeat finds only duplicates`, async () => {
    // How long a whole import takes here, to spread the kills over it.
    const whole = await fs.mkdtemp(path.join(path.dirname(template), 'whole-'));
    await fs.cp(template, whole, { recursive: true });
    const full = await runImport(whole, null);
    expect(full.code).toBe(0);
    expect(full.stdout.trim().split('\n').map((l) => JSON.parse(l).decision)).toEqual(['imported', 'supersedes', 'supersedes', 'imported', 'supersedes', 'supersedes', 'countersigned']);

    // Decisions come one by one after Node has started: a kill lands a random time after a random
    // one of them, within about the time one bundle takes (smaller when runs keep finishing first).
    const perBundle = Math.max(1, ((full.lineTimes.at(-1) ?? full.ms) - (full.lineTimes[0] ?? 0)) / (BUNDLES - 1));
    let scale = 1.5;
    let interruptions = 0;
    let kills = 0;
    let runs = 0;
    const started = Date.now();
    for (let cycle = 0; kills < KILLS && cycle < 2 * Math.ceil(KILLS / KILLS_PER_WORKSPACE); cycle++) {
      const workspace = path.join(await fs.mkdtemp(path.join(path.dirname(template), 'cycle-')), 'ws');
      await fs.cp(template, workspace, { recursive: true });
      let stored = new Set<string>();
      const wanted = Math.min(KILLS_PER_WORKSPACE, KILLS - kills);
      // Runs that finish before their kill are repeated (bounded), so that the count is of real kills.
      for (let killed = 0, tries = 0; killed < wanted && tries < wanted * 4; tries++) {
        const afterLines = Math.floor(Math.random() * BUNDLES);
        const run = await runImport(workspace, { afterLines, afterMs: Math.floor(Math.random() * perBundle * scale) });
        runs++;
        if (run.code === null) {
          killed++;
          kills++;
        }
        scale = run.code === null ? Math.min(1.5, scale * 1.1) : scale / 2;
        const after = await checkAfterKill(workspace, stored);
        stored = after.stored;
        if (after.interrupted) interruptions++;
      }
      const finish = await runImport(workspace, null);
      expect(finish.code).toBe(0);
      const again = await runImport(workspace, null);
      expect(again.code).toBe(0);
      expect(again.stdout.trim().split('\n').map((l) => JSON.parse(l).decision)).toEqual(Array(BUNDLES).fill('duplicate'));
      const ws = await openWorkspace(workspace);
      const index = await loadIndex(ws);
      expect(index.submissions).toHaveLength(6);
      const first = index.submissions.find((s) => s.country === 'FRA' && s.submissionRevision === 1);
      expect(first?.fingerprints).toContain(kit.keys.approver.fingerprint);
      await ws.close();
    }
    if (REPORT) await fs.writeFile(REPORT, JSON.stringify({ kills, runs, interruptions, seconds: Math.round((Date.now() - started) / 1000) }));
    expect(kills).toBeGreaterThanOrEqual(KILLS);
    // The kills must have cut into the import's work (a copy in flight, an index behind), or this
    // test would prove nothing about crashes.
    expect(interruptions).toBeGreaterThan(0);
  });
});
