/**
 * Following a pack's migration steps: the path from an earlier version to this one, and the checks
 * a pack must pass before anyone relies on its steps (no loop, no dead end, every target a real
 * item of this version, two items never moved onto one).
 */
import { isRemoval, type MigrationStep } from './migrations-schema';
import type { ChecklistPack } from './schema';

/** One reason a pack's migrations cannot be used; `code` names a `packs:errors.*` message. */
export interface MigrationProblem {
  code: 'migrationDuplicate' | 'migrationLoop' | 'migrationDeadEnd' | 'migrationTarget' | 'migrationSharedTarget';
  /** Where, e.g. `migrations[1].items.B.3`. */
  path: string;
  params: Record<string, string>;
}

type Walk = { steps: MigrationStep[] } | { problem: 'loop' | 'deadEnd'; at: string };

function walk(pack: ChecklistPack, from: string): Walk {
  const byFrom = new Map((pack.migrations ?? []).map((s) => [s.from, s]));
  const steps: MigrationStep[] = [];
  const seen = new Set<string>();
  let at = from;
  while (at !== pack.version) {
    if (seen.has(at)) return { problem: 'loop', at };
    seen.add(at);
    const step = byFrom.get(at);
    if (!step) return { problem: 'deadEnd', at };
    steps.push(step);
    at = step.to;
  }
  return { steps };
}

/**
 * The steps that lead from version `from` to the pack's own version, in order; `[]` when `from` is
 * the pack's version; null when the pack has no way from there (or its steps are broken, which
 * loading already refuses).
 */
export function migrationPath(pack: ChecklistPack, from: string): MigrationStep[] | null {
  if (from === pack.version) return [];
  const result = walk(pack, from);
  return 'steps' in result ? result.steps : null;
}

/** Where an item id of some step's `to` version ends after the steps that follow it. */
export type Trace = { removed: false; id: string } | { removed: true; id: string; stepIndex: number };

/** Follow one item id through `steps` (already in path order). */
export function traceItem(steps: readonly MigrationStep[], id: string): Trace & { entries: { step: MigrationStep; index: number }[] } {
  let current = id;
  const entries: { step: MigrationStep; index: number }[] = [];
  for (const [index, step] of steps.entries()) {
    const entry = Object.prototype.hasOwnProperty.call(step.items, current) ? step.items[current] : undefined;
    if (!entry) continue;
    entries.push({ step, index });
    if (isRemoval(entry)) return { removed: true, id: current, stepIndex: index, entries };
    current = entry.to ?? current;
  }
  return { removed: false, id: current, entries };
}

/** Every problem of the pack's migrations, in step order (empty: usable). */
export function checkMigrations(pack: ChecklistPack): MigrationProblem[] {
  const steps = pack.migrations ?? [];
  const problems: MigrationProblem[] = [];
  const itemIds = new Set(pack.sections.flatMap((s) => s.items.map((i) => i.id)));
  const firstFrom = new Map<string, number>();
  steps.forEach((step, i) => {
    const earlier = firstFrom.get(step.from);
    if (earlier !== undefined) problems.push({ code: 'migrationDuplicate', path: `migrations[${i}].from`, params: { from: step.from } });
    else firstFrom.set(step.from, i);
  });
  if (problems.length > 0) return problems;

  steps.forEach((step, i) => {
    // A step out of this very version leads back into it, or past it: either way a circle.
    if (step.from === pack.version) {
      problems.push({ code: 'migrationLoop', path: `migrations[${i}]`, params: { from: step.from, version: step.from } });
      return;
    }
    const path = walk(pack, step.from);
    if (!('steps' in path)) {
      problems.push(
        path.problem === 'loop'
          ? { code: 'migrationLoop', path: `migrations[${i}]`, params: { from: step.from, version: path.at } }
          : { code: 'migrationDeadEnd', path: `migrations[${i}].to`, params: { from: step.from, version: path.at } },
      );
      return;
    }
    const later = path.steps.slice(1);
    const targets = new Map<string, string>();
    for (const [oldId, entry] of Object.entries(step.items)) {
      if (isRemoval(entry)) continue;
      const target = entry.to ?? oldId;
      const other = targets.get(target);
      if (other !== undefined) {
        problems.push({ code: 'migrationSharedTarget', path: `migrations[${i}].items.${oldId}`, params: { from: step.from, first: other, second: oldId, target } });
        continue;
      }
      targets.set(target, oldId);
      const end = traceItem(later, target);
      if (!end.removed && !itemIds.has(end.id)) {
        problems.push({ code: 'migrationTarget', path: `migrations[${i}].items.${oldId}`, params: { from: step.from, itemId: oldId, target: end.id, version: pack.version } });
      }
    }
  });
  return problems;
}
