// Every message the review engine and the review commands can print is a key in the English
// catalogue (locales.test.ts checks that the six languages agree with English).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MERGE_STATUSES, VERDICTS } from '../../../core/review';

const ROOT = path.resolve(__dirname, '../../..');
const catalogue = (ns: string) => JSON.parse(readFileSync(path.join(ROOT, 'locales/en', `${ns}.json`), 'utf8')) as Record<string, unknown>;
const review = catalogue('review');
const cli = catalogue('cli');

function has(tree: Record<string, unknown>, key: string): boolean {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object') return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

const text = (files: string[]) => files.map((f) => readFileSync(path.join(ROOT, f), 'utf8')).join('\n');

describe('review message keys', () => {
  const engine = text([...sources('core/review'), ...sources('core/store'), ...sources('cli/commands')]);
  const used = new Set([...engine.matchAll(/'review:([\w.]+)'/g)].map((m) => m[1] ?? ''));
  // Keys the parser builds from a table (parse.ts), and the labels chosen by value.
  const built = [
    ...['replyTooLarge', 'replyNotJson', 'notAReply', 'replyInvalid', 'copyTooLarge', 'copyDamaged', 'notACopy', 'copyInvalid', 'ledgerTooLarge', 'notALedger', 'ledgerInvalid'].map((k) => `errors.${k}`),
    ...[...MERGE_STATUSES, 'comment'].map((s) => `status.${s}`),
    ...VERDICTS.map((v) => `verdict.${v}`),
  ];

  it('finds the codes in the sources', () => {
    expect(used.size).toBeGreaterThan(25);
  });

  it('has an English text for every code used or built', () => {
    expect([...used, ...built].filter((k) => !has(review, k)).sort()).toEqual([]);
  });
});

describe('the review commands’ own messages', () => {
  const commands = text(['cli/commands/review-send.ts', 'cli/commands/review-merge.ts', 'cli/commands/review-merge-output.ts', 'cli/commands/diff.ts', 'cli/commands/diff-render.ts', 'cli/commands/answer-labels.ts', 'cli/main.ts']);
  const used = new Set([...commands.matchAll(/t\('([\w.-]+)'/g)].map((m) => m[1] ?? ''));

  it('are all in cli.json', () => {
    const built = ['diff.change.added', 'diff.change.removed', 'diff.change.changed', 'commands.review', 'commands.review-send', 'commands.review-merge', 'commands.diff', 'details.review-send', 'details.review-merge', 'details.diff'];
    expect(used.size).toBeGreaterThan(20);
    expect([...used, ...built].filter((k) => !has(cli, k)).sort()).toEqual([]);
  });
});
