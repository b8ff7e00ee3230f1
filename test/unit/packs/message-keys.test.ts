// Every `packs:` code the checklist, pack and revision modules can produce (literal, or built from
// a migration problem's code) is a key of locales/<lng>/packs.json; the locales test checks the six
// languages agree.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { samplePackSource } from '../../../core/checklist/sample';
import { checkMigrations } from '../../../core/checklist/migration-chain';
import type { ChecklistPack } from '../../../core/checklist/schema';

const ROOT = path.resolve(__dirname, '../../..');
const english = JSON.parse(readFileSync(path.join(ROOT, 'locales/en/packs.json'), 'utf8')) as Record<string, unknown>;

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

function has(key: string): boolean {
  let node: unknown = english;
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object') return false;
    node = (node as Record<string, unknown>)[part];
  }
  // A plural family has no bare key, only its forms.
  return typeof node === 'string' || typeof (english as Record<string, Record<string, unknown>>)[key.split('.')[0] ?? '']?.[`${key.split('.')[1]}_other`] === 'string';
}

describe('packs message keys', () => {
  const used = new Set(
    ['core/checklist', 'core/packs', 'core/revisions']
      .flatMap(sources)
      .flatMap((f) => [...readFileSync(path.join(ROOT, f), 'utf8').matchAll(/'packs:([\w.]+)'/g)].map((m) => m[1] ?? '')),
  );

  it('finds the codes in the sources', () => {
    expect(used.size).toBeGreaterThan(25);
  });

  it('has an English text for every code used', () => {
    expect([...used].filter((k) => !has(k)).sort()).toEqual([]);
  });

  it('has a text for every migration problem code', () => {
    const loop = { ...(samplePackSource() as object), version: '0.3.0', migrations: [{ from: '0.3.0', to: '0.3.0', items: {} }] };
    const codes = checkMigrations(loop as unknown as ChecklistPack).map((p) => p.code);
    const all = ['migrationDuplicate', 'migrationLoop', 'migrationDeadEnd', 'migrationTarget', 'migrationSharedTarget'] as const;
    expect(codes.every((c) => all.includes(c))).toBe(true);
    expect(all.filter((c) => !has(`errors.${c}`))).toEqual([]);
  });
});
