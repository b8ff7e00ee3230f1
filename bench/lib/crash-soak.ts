/**
 * The crash soak (issue 14.8), built and started by bench/crash-soak.mjs. A child process saves an
 * ever-changing draft in a loop, printing `ack <revision>` only once each save has resolved
 * (test/unit/store/crash-child.ts); it is SIGKILLed at a random moment, over and over. After each
 * kill the draft is opened as the app opens it and judged:
 *   lost     — the draft on disk is older than the last revision the child acknowledged;
 *   damaged  — it cannot be opened, needed recovery from a snapshot, or its content does not match
 *              its revision (a torn or mixed write); or its newest history snapshot is unreadable.
 * Prints one JSON line with the counts on stdout.
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setLogSink } from '../../core/log';
import { DraftStore } from '../../core/store/draft-store';
import { listSnapshots } from '../../core/store/history';
import { readDraftFile } from '../../core/store/read';

interface Counts {
  kills: number;
  acknowledgedSaves: number;
  killsAfterAnAck: number;
  lost: number;
  damaged: number;
  problems: string[];
}

function runAndKill(child: string, dataDir: string, id: string): Promise<{ lastAck: number; acks: number; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [child, dataDir, id], { stdio: ['ignore', 'pipe', 'pipe'] });
    let lastAck = -1;
    let acks = 0;
    let stderr = '';
    let buffered = '';
    let armed = false;
    // A tenth of the kills land during start-up (opening, taking the lock); the rest after 1–5
    // acknowledged saves, 0–8 ms later: inside the next save's write, fsync or rename as often as not.
    const killAfterAcks = Math.random() < 0.1 ? 0 : 1 + Math.floor(Math.random() * 5);
    const arm = (maxDelayMs: number) => {
      if (armed) return;
      armed = true;
      setTimeout(() => proc.kill('SIGKILL'), Math.floor(Math.random() * maxDelayMs));
    };
    if (killAfterAcks === 0) arm(150);
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
        const m = /^ack (\d+)$/.exec(buffered.slice(0, nl));
        buffered = buffered.slice(nl + 1);
        if (!m) continue;
        lastAck = Number(m[1]);
        acks++;
        if (acks >= killAfterAcks) arm(8);
      }
    });
    proc.stderr.setEncoding('utf8');
    proc.stderr.on('data', (c: string) => (stderr += c));
    const guard = setTimeout(() => proc.kill('SIGKILL'), 10_000);
    proc.on('exit', (_code, signal) => {
      clearTimeout(guard);
      resolve({ lastAck, acks, signal, stderr });
    });
  });
}

async function loop(child: string, dataDir: string, id: string, kills: number, counts: Counts): Promise<void> {
  const parent = new DraftStore({ dataDir });
  let lastAck = 0;
  for (let k = 0; k < kills; k++) {
    const round = await runAndKill(child, dataDir, id);
    counts.kills++;
    counts.acknowledgedSaves += round.acks;
    if (round.acks > 0) counts.killsAfterAnAck++;
    if (round.lastAck >= 0) lastAck = round.lastAck;
    if (round.stderr || round.signal !== 'SIGKILL') counts.problems.push(`kill ${counts.kills}: child ended by ${String(round.signal)} ${round.stderr.trim()}`);
    try {
      const opened = await parent.open(id);
      const { revision, answers } = opened.draft;
      const consistent = revision === 0 || (answers['A.1'] === `rev-${revision}` && answers['B.4'] === revision % 100 && answers['B.3'] === 'x'.repeat((revision * 7919) % 5000));
      if (revision < lastAck) {
        counts.lost++;
        counts.problems.push(`kill ${counts.kills}: revision ${revision} on disk, ${lastAck} acknowledged`);
      } else if (opened.notices.length > 0 || !consistent) {
        counts.damaged++;
        counts.problems.push(`kill ${counts.kills}: ${opened.notices.map((n) => n.code).join(', ') || 'content does not match its revision'}`);
      }
      const newest = (await listSnapshots(parent.paths(id).history))[0];
      if (newest && !(await readDraftFile(path.join(parent.paths(id).history, newest.file))).ok) {
        counts.damaged++;
        counts.problems.push(`kill ${counts.kills}: newest snapshot ${newest.file} unreadable`);
      }
      lastAck = Math.max(lastAck, revision);
      await parent.close(id);
    } catch (err) {
      counts.damaged++;
      counts.problems.push(`kill ${counts.kills}: cannot open (${err instanceof Error ? err.message : String(err)})`);
      await parent.close(id).catch(() => undefined);
    }
  }
}

async function main(): Promise<void> {
  setLogSink(null);
  const [child, killsArg = '1000', parallelArg = '2'] = process.argv.slice(2);
  if (!child) throw new Error('usage: crash-soak CHILD.cjs [KILLS] [PARALLEL]');
  const kills = Number(killsArg);
  const parallel = Number(parallelArg);
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-crash-soak-'));
  const counts: Counts = { kills: 0, acknowledgedSaves: 0, killsAfterAnAck: 0, lost: 0, damaged: 0, problems: [] };
  const started = Date.now();
  try {
    const dataDir = path.join(work, 'data');
    const store = new DraftStore({ dataDir });
    const ids: string[] = [];
    for (let i = 0; i < parallel; i++) {
      const d = await store.create({ countryCode: 'KEN', responseLanguage: 'en' }, { id: 'safer-cities-sample', version: '0.1.0' });
      await store.close(d.id);
      ids.push(d.id);
    }
    const per = Math.ceil(kills / parallel);
    await Promise.all(ids.map((id, i) => loop(child, dataDir, id, i === ids.length - 1 ? kills - per * (parallel - 1) : per, counts)));
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
  process.stdout.write(`${JSON.stringify({ ...counts, seconds: Math.round((Date.now() - started) / 1000) })}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`crash-soak failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(2);
});
