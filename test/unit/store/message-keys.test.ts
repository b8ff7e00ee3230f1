// Every error, notice and validation code the checklist, draft and store modules can produce is a
// key in locales/<lng>/drafts.json (the locales test checks the six languages agree).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const english = JSON.parse(readFileSync(path.join(ROOT, 'locales/en/drafts.json'), 'utf8')) as Record<string, unknown>;

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
  return typeof node === 'string';
}

describe('drafts message keys', () => {
  const used = new Set(
    ['core/checklist', 'core/draft', 'core/store']
      .flatMap(sources)
      .flatMap((f) => [...readFileSync(path.join(ROOT, f), 'utf8').matchAll(/'drafts:([\w.]+)'/g)].map((m) => m[1] ?? '')),
  );

  it('finds the codes in the sources', () => {
    expect(used.size).toBeGreaterThan(30);
  });

  it('has an English text for every code used', () => {
    expect([...used].filter((k) => !has(k)).sort()).toEqual([]);
  });
});
