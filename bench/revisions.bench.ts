// Benchmark: checklist revisions. The preview and the move of the fully answered 300-item draft to a
// revision of its pack (moves, removals, conversions, renamed options, rewordings, new items), and
// `scsa pack check` of the real pack as the secretariat runs it (a fresh process each time).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadPack } from '../core/checklist/load';
import { findPack } from '../core/checklist/registry';
import { checkPackText } from '../core/packs/check';
import { applyMove, planMove } from '../core/revisions';
import { bigPackSource, fullDraft, ITEM_COUNT } from './lib/fixture';
import { runBench, Skip } from './lib/harness';
import { median, ms, msSince, percentile } from './lib/stats';

const RUNS = 30;
const CHECK_RUNS = 5;
const MOVE_TARGET = 200;
const CHECK_TARGET = 1000;
const ROOT = process.cwd();
const CLI = path.join(ROOT, 'dist', 'cli', 'scsa.cjs');
const REAL_PACK = path.join(ROOT, 'core', 'checklist', 'packs', 'safer-cities-sacl.pack.json');

type Raw = Record<string, unknown>;
type Item = Raw & { id: string; type: string; text: Record<string, string>; options?: (Raw & { id: string })[] };

/**
 * Version 1.1.0 of the 300-item pack, one change in ten items of each kind: moved to a new id,
 * yes/no turned into a choice (converted), removed with a note, reworded, a choice's first option
 * renamed; plus ten new items.
 */
function revisionOf(base: Raw): Raw {
  const raw = structuredClone(base) as Raw & { sections: (Raw & { items: Item[] })[] };
  const items: Record<string, unknown> = {};
  const note = { ar: 'حُذف', zh: '已删除', en: 'Removed', fr: 'Supprimé', ru: 'Исключено', es: 'Suprimido' };
  let n = 0;
  for (const section of raw.sections) {
    section.items = section.items.flatMap((item): Item[] => {
      n += 1;
      const kind = n % 10;
      if (kind === 0) {
        items[item.id] = { to: `${item.id}.m` };
        return [{ ...item, id: `${item.id}.m` }];
      }
      if (kind === 1 && item.type === 'yesno') {
        items[item.id] = { convert: { kind: 'map', values: [{ from: true, to: 'yes' }, { from: false, to: 'no' }] } };
        const label = (t: string) => ({ ar: t, zh: t, en: t, fr: t, ru: t, es: t });
        return [{ ...item, type: 'single', options: [{ id: 'yes', label: label('yes') }, { id: 'no', label: label('no') }] }];
      }
      if (kind === 2 && item.constraints === undefined) {
        items[item.id] = { removed: true, note };
        return [];
      }
      if (kind === 3) return [{ ...item, text: Object.fromEntries(Object.entries(item.text).map(([l, t]) => [l, `${t} (revised)`])) }];
      if (kind === 4 && item.options && item.options.length > 0) {
        const first = item.options[0]!.id;
        items[item.id] = { options: { [first]: `${first}_v2` } };
        return [{ ...item, options: item.options.map((o, i) => (i === 0 ? { ...o, id: `${first}_v2` } : o)) }];
      }
      return [item];
    });
  }
  const last = raw.sections[raw.sections.length - 1]!;
  const template = last.items.find((i) => i.type === 'longtext') as Item;
  for (let i = 1; i <= 10; i++) last.items.push({ ...structuredClone(template), id: `Z.new.${i}`, required: false });
  return { ...raw, version: '1.1.0', migrations: [{ from: '1.0.0', to: '1.1.0', items }] };
}

runBench('revisions', `Checklist revisions (${ITEM_COUNT}-item draft; scsa pack check)`, async (r) => {
  const source = bigPackSource();
  const oldPack = loadPack(source, 'strict');
  const newPack = loadPack(revisionOf(source), 'strict');
  const draft = fullDraft(oldPack, 'en', 'bench-revisions');

  const previewMs: number[] = [];
  const moveMs: number[] = [];
  const bothMs: number[] = [];
  let lastPlan = planMove(draft, oldPack, newPack);
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    const plan = planMove(draft, oldPack, newPack);
    const t1 = process.hrtime.bigint();
    applyMove(draft, plan);
    moveMs.push(msSince(t1));
    previewMs.push(Number(t1 - t0) / 1e6);
    bothMs.push(msSince(t0));
    lastPlan = plan;
  }
  r.tables.push({
    title: `Preview and move of the fully answered ${ITEM_COUNT}-item draft (${RUNS} runs)`,
    head: ['figure', 'p50 ms', 'p95 ms', 'max ms'],
    rows: [
      ['planMove (preview, new answers)', ms(median(previewMs)), ms(percentile(previewMs, 95)), ms(Math.max(...previewMs))],
      ['applyMove (moved draft, validated)', ms(median(moveMs)), ms(percentile(moveMs, 95)), ms(Math.max(...moveMs))],
      ['preview + move', ms(median(bothMs)), ms(percentile(bothMs, 95)), ms(Math.max(...bothMs))],
    ],
  });
  const c = lastPlan.counts;
  r.notes.push(
    `The revision: ${c.moved} moved, ${c.removed} removed, ${c.typeChanged} type or choices changed, ${c.textChanged} reworded, ${c.new} new, ${c.kept} unchanged; answers ${lastPlan.answers.kept} kept, ${lastPlan.answers.converted} converted, ${lastPlan.answers.retained} kept aside.`,
  );
  r.checks.push({ what: 'preview + move of the 300-item draft, p95', value: `${ms(percentile(bothMs, 95))} ms`, target: `< ${MOVE_TARGET} ms`, pass: percentile(bothMs, 95) < MOVE_TARGET });

  const text = await readFile(REAL_PACK, 'utf8');
  const inProcess: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    checkPackText(text, findPack);
    inProcess.push(msSince(t0));
  }
  if (!existsSync(CLI)) throw new Skip('dist/cli/scsa.cjs is not built (node scripts/build.mjs)');
  const cliMs: number[] = [];
  for (let i = 0; i < CHECK_RUNS; i++) {
    const t0 = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [CLI, 'pack', 'check', REAL_PACK], { encoding: 'utf8' });
    cliMs.push(msSince(t0));
    if (run.status !== 0) throw new Error(`scsa pack check failed: ${run.stderr}`);
  }
  r.tables.push({
    title: 'scsa pack check of the real pack (safer-cities-sacl 1.0.0)',
    head: ['figure', 'p50 ms', 'max ms'],
    rows: [
      [`checkPackText in process (${RUNS} runs)`, ms(median(inProcess)), ms(Math.max(...inProcess))],
      [`node dist/cli/scsa.cjs pack check, whole process (${CHECK_RUNS} runs)`, ms(median(cliMs)), ms(Math.max(...cliMs))],
    ],
  });
  // The median: one process in five may meet a busy moment of the machine; the table shows the max too.
  r.checks.push({ what: 'scsa pack check of the real pack (whole process, p50)', value: `${ms(median(cliMs))} ms`, target: `< ${CHECK_TARGET} ms`, pass: median(cliMs) < CHECK_TARGET });
  const version = spawnSync(process.execPath, [CLI, '--version'], { encoding: 'utf8' });
  const t0 = process.hrtime.bigint();
  spawnSync(process.execPath, [CLI, '--version'], { encoding: 'utf8' });
  r.notes.push(`For scale: node dist/cli/scsa.cjs --version took ${ms(msSince(t0))} ms here (${version.stdout.trim()}): most of a pack check is starting Node and the command line.`);
});
