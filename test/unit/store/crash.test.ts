// The crash test: a child saves in a loop and is SIGKILLed at random moments, over 200 times; after
// each kill the draft must open cleanly and hold at least the last revision the child acknowledged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { DraftStore } from '../../../core/store/draft-store';
import { makeStore, pack, quietLogs, tempDir } from './helpers';

const KILLS = 200;
const PARALLEL = 4;

let work: string;
let childScript: string;

beforeAll(async () => {
  quietLogs();
  work = await tempDir();
  childScript = path.join(work, 'crash-child.cjs');
  await build({
    entryPoints: [path.join(__dirname, 'crash-child.ts')],
    outfile: childScript,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
  });
});
afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

interface Round {
  lastAck: number;
  acks: number;
  exitSignal: NodeJS.Signals | null;
  stderr: string;
}

/** Run the child once and kill it at a random moment: during start-up, or after some acknowledged saves. */
function runAndKill(dataDir: string, id: string): Promise<Round> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [childScript, dataDir, id], { stdio: ['ignore', 'pipe', 'pipe'] });
    const round: Round = { lastAck: -1, acks: 0, exitSignal: null, stderr: '' };
    const killAfterAcks = Math.random() < 0.1 ? 0 : 1 + Math.floor(Math.random() * 4);
    let buffered = '';
    let armed = false;
    const kill = () => child.kill('SIGKILL');
    const arm = (maxDelayMs: number) => {
      if (armed) return;
      armed = true;
      setTimeout(kill, Math.floor(Math.random() * maxDelayMs));
    };
    if (killAfterAcks === 0) arm(150);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        const m = /^ack (\d+)$/.exec(line);
        if (!m) continue;
        round.lastAck = Number(m[1]);
        round.acks++;
        if (round.acks >= killAfterAcks) arm(6);
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (round.stderr += chunk));
    // Safety net: a child that never acknowledges is killed anyway.
    const guard = setTimeout(kill, 5000);
    child.on('exit', (_code, signal) => {
      clearTimeout(guard);
      round.exitSignal = signal;
      resolve(round);
    });
  });
}

async function killLoop(dataDir: string, id: string, kills: number, parent: DraftStore): Promise<{ acked: number; maxRevision: number }> {
  let acked = 0;
  let maxRevision = 0;
  let lastAck = 0;
  for (let k = 0; k < kills; k++) {
    const round = await runAndKill(dataDir, id);
    expect(round.stderr).toBe('');
    expect(round.exitSignal).toBe('SIGKILL');
    if (round.lastAck >= 0) lastAck = round.lastAck;
    acked += round.acks;
    const opened = await parent.open(id);
    // Atomic writes: never a damaged file to recover from, and nothing acknowledged is lost.
    expect(opened.notices).toEqual([]);
    expect(opened.draft.revision).toBeGreaterThanOrEqual(lastAck);
    expect(opened.draft.answers['A.1']).toBe(opened.draft.revision === 0 ? undefined : `rev-${opened.draft.revision}`);
    maxRevision = opened.draft.revision;
    await parent.close(id);
  }
  return { acked, maxRevision };
}

describe('crash safety', () => {
  it('a second process cannot write while the child holds the lock', async () => {
    const dataDir = path.join(work, 'lock-data');
    const parent = makeStore(dataDir);
    const d = await parent.create({ countryCode: 'KEN', responseLanguage: 'en' }, pack);
    await parent.close(d.id);
    const child = spawn(process.execPath, [childScript, dataDir, d.id], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await new Promise<void>((resolve) => child.stdout.on('data', (c: Buffer) => (String(c).includes('ack') ? resolve() : undefined)));
    await expect(parent.open(d.id)).rejects.toMatchObject({ code: 'drafts:errors.locked', params: expect.objectContaining({ pid: child.pid }) });
    child.kill('SIGKILL');
    await exited;
    // Its process gone, the lock is stale and the parent takes over.
    await expect(parent.open(d.id)).resolves.toMatchObject({ readOnly: false, notices: [] });
    await parent.close(d.id);
  });

  it(`loses nothing acknowledged across ${KILLS} SIGKILLs in the middle of saves`, { timeout: 300_000 }, async () => {
    const dataDir = path.join(work, 'data');
    const parent = makeStore(dataDir);
    const ids: string[] = [];
    for (let i = 0; i < PARALLEL; i++) {
      const d = await parent.create({ countryCode: 'KEN', responseLanguage: 'en' }, pack);
      await parent.close(d.id);
      ids.push(d.id);
    }
    const perLoop = Math.ceil(KILLS / PARALLEL);
    const results = await Promise.all(ids.map((id) => killLoop(dataDir, id, perLoop, parent)));
    const totalKills = perLoop * PARALLEL;
    expect(totalKills).toBeGreaterThanOrEqual(200);
    // The test must actually have killed saves in flight, not just idle processes.
    expect(results.reduce((n, r) => n + r.acked, 0)).toBeGreaterThan(totalKills);
    for (const id of ids) {
      const history = await parent.listHistory(id);
      expect(history.length).toBeGreaterThan(0);
      expect(history.length).toBeLessThanOrEqual(20 + 31);
      const leftovers = (await fs.readdir(parent.paths(id).dir)).filter((n) => n.endsWith('.tmp'));
      expect(leftovers.length).toBeLessThanOrEqual(1);
    }
  });
});
