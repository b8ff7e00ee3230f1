/**
 * Analysis across checklist versions (DESIGN.md, Checklist revisions: "the secretariat aggregates
 * each version apart, or across versions through the migrations"). A submission on an earlier
 * version is counted under the newest version only where the newer pack's migrations say where its
 * items went: an old item's answer counts under its new id (option and column renames and the
 * pack's conversions applied, as a draft move would). What has no such place — a removed item, a
 * type change the pack gives no conversion for — is left out of the mapped analysis and reported,
 * per version, as analysed only in that version's own analysis. Questions the old version did not
 * ask are counted apart ("other version"), never as "not answered".
 */
import { isAnswered } from '../checklist/answer-presence';
import { migrationPath } from '../checklist/migration-chain';
import type { MovedEntry } from '../checklist/migrations-schema';
import type { LoadedPack } from '../checklist/load';
import { relevantItems } from '../draft/validate';
import { applyEntry } from '../revisions/convert';
import { fateOf } from '../revisions/item-map';

/** Why an old item's answers are not counted under the newer version. */
export type NotCountedReason = 'removed' | 'notInNewVersion' | 'typeChanged' | 'sharedTarget';

export interface VersionMap {
  from: LoadedPack;
  to: LoadedPack;
  /** Old item id → its place in the newer version, for items whose answers count there. */
  places: ReadonlyMap<string, { newId: string; entries: MovedEntry[] }>;
  /** Items of the old version whose answers count only in that version's own analysis, in its order. */
  notCounted: { itemId: string; reason: NotCountedReason }[];
  /** Items of the newer version no old item maps to: countries on the old version were not asked them. */
  absent: ReadonlySet<string>;
}

/** One submission's answers seen from the newer version. */
export interface MappedAnswers {
  /** Newer item ids whose old item was asked (not skipped under the old version's own rules). */
  relevant: Set<string>;
  /** Answers by newer item id, converted; still to be checked against the newer item. */
  raw: Map<string, unknown>;
  /** Newer items this country cannot be counted for: not in its version, or an answer the pack's conversion could not carry. */
  absent: Set<string>;
}

/**
 * How `from` maps onto `to` (a later version of the same checklist), or null when `to` carries no
 * migration from `from`'s version (or they are different checklists).
 */
export function versionMap(from: LoadedPack, to: LoadedPack): VersionMap | null {
  if (from.pack.id !== to.pack.id) return null;
  const steps = migrationPath(to.pack, from.pack.version);
  if (!steps) return null;
  const fates = [...from.items.keys()].map((id) => fateOf(steps, to.items, id));
  const places = new Map<string, { newId: string; entries: MovedEntry[] }>();
  const reasons = new Map<string, NotCountedReason>();
  const taken = new Set<string>();
  // An item a step moved onto an id wins over an old item that merely kept that id (as a draft move decides).
  for (const fate of [...fates.filter((f) => f.explicit), ...fates.filter((f) => !f.explicit)]) {
    const oldItem = from.items.get(fate.oldId);
    const newItem = fate.newId ? to.items.get(fate.newId) : undefined;
    if (!oldItem || !newItem || !fate.newId) {
      reasons.set(fate.oldId, fate.removed ? 'removed' : 'notInNewVersion');
      continue;
    }
    if (taken.has(fate.newId)) {
      reasons.set(fate.oldId, 'sharedTarget');
      continue;
    }
    if (newItem.type !== oldItem.type && !fate.entries.some((e) => e.convert)) {
      reasons.set(fate.oldId, 'typeChanged');
      continue;
    }
    taken.add(fate.newId);
    places.set(fate.oldId, { newId: fate.newId, entries: fate.entries });
  }
  const notCounted = [...from.items.keys()].filter((id) => reasons.has(id)).map((itemId) => ({ itemId, reason: reasons.get(itemId) as NotCountedReason }));
  const absent = new Set([...to.items.keys()].filter((id) => !taken.has(id)));
  return { from, to, places, notCounted, absent };
}

/** `answers` (given on `map.from`) as the newer version sees them. */
export function mapAnswers(map: VersionMap, answers: Readonly<Record<string, unknown>>): MappedAnswers {
  const askedBefore = relevantItems(map.from.pack, answers);
  const relevant = new Set<string>();
  const raw = new Map<string, unknown>();
  const absent = new Set(map.absent);
  for (const [oldId, place] of map.places) {
    if (!askedBefore.has(oldId)) continue;
    relevant.add(place.newId);
    const value = answers[oldId];
    if (value === undefined || !isAnswered(value)) continue;
    let converted: unknown = value;
    let failed = false;
    for (const entry of place.entries) {
      const result = applyEntry(converted, entry);
      if (!result.ok) {
        failed = true;
        break;
      }
      converted = result.value;
    }
    // A conversion that would lose or invent something: this country's answer is seen in its own version only.
    if (failed) absent.add(place.newId);
    else raw.set(place.newId, converted);
  }
  return { relevant, raw, absent };
}

/** Compare two version strings part by part, numbers as numbers ("1.10.0" after "1.9.2"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/);
  const pb = b.split(/[.-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    const d = !Number.isNaN(nx) && !Number.isNaN(ny) ? nx - ny : x < y ? -1 : x > y ? 1 : 0;
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}
