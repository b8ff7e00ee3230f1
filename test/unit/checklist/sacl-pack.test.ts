// The real checklist a focal point reads for hours: complete in six languages, in the right scripts,
// with stable ids and rules that point at real items.
import { describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import raw from '../../../core/checklist/packs/safer-cities-sacl.pack.json';
import published from '../../../core/checklist/packs/src/safer-cities-sacl/published-ids.json';
import { loadPack } from '../../../core/checklist/load';
import { checkRuleReferences, rulesOf } from '../../../core/checklist/rules';
import { LANGUAGES, type Language } from '../../../core/i18n/languages';

const root = path.resolve(__dirname, '../../..');
const { pack } = loadPack(raw, 'strict');
const items = pack.sections.flatMap((s) => s.items);

/** Every translatable string of the pack with a readable location. */
function* texts(): Generator<{ where: string; text: Record<Language, string> }> {
  yield { where: 'title', text: pack.title };
  for (const group of ['status', 'uncac', 'assistanceTypes'] as const) {
    for (const [k, t] of Object.entries(pack.labels[group])) yield { where: `labels.${group}.${k}`, text: t };
  }
  for (const s of pack.sections) {
    yield { where: `section ${s.id} title`, text: s.title };
    if (s.description) yield { where: `section ${s.id} description`, text: s.description };
    for (const it of s.items) {
      yield { where: `${it.id} text`, text: it.text };
      if (it.guidance) yield { where: `${it.id} guidance`, text: it.guidance };
      if (it.type === 'number' && it.unit) yield { where: `${it.id} unit`, text: it.unit };
      if ('options' in it && it.options) for (const o of it.options) yield { where: `${it.id} option ${o.id}`, text: o.label };
      if (it.type === 'table') {
        for (const c of it.columns) {
          yield { where: `${it.id} column ${c.id}`, text: c.label };
          for (const o of c.options ?? []) yield { where: `${it.id} column ${c.id} option ${o.id}`, text: o.label };
        }
      }
      for (const [i, c] of it.constraints.entries()) yield { where: `${it.id} constraint ${i}`, text: c.message };
    }
  }
}

const all = [...texts()];

// Item ids (B.13), sub-paragraph letters such as "11 (c)" or "11 c)", and SDG numbers are not words.
function foreignLatinWords(s: string): string[] {
  const cleaned = s
    .replace(/\b[A-I]\.\d+(\.\d+)*\b/g, ' ')
    .replace(/\(?\b[a-h]\)/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ');
  return cleaned.match(/[A-Za-z]{2,}/g) ?? [];
}

describe('checklist safer-cities-sacl', () => {
  test('has at least 60 items across sections A to I, each with guidance', () => {
    expect(pack.sections.map((s) => s.id)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I']);
    expect(items.length).toBeGreaterThanOrEqual(60);
    for (const it of items) expect(it.guidance, it.id).toBeDefined();
  });

  test('every text exists and is non-empty in all six languages', () => {
    const empty = all.flatMap(({ where, text }) => LANGUAGES.filter((l) => !text[l]?.trim()).map((l) => `${where} [${l}]`));
    expect(empty).toEqual([]);
  });

  test('Arabic, Chinese and Russian are written in their own scripts, with no English left', () => {
    const scripts: Record<'ar' | 'zh' | 'ru', RegExp> = { ar: /\p{Script=Arabic}/gu, zh: /\p{Script=Han}/gu, ru: /\p{Script=Cyrillic}/gu };
    const problems: string[] = [];
    for (const { where, text } of all) {
      for (const lang of ['ar', 'zh', 'ru'] as const) {
        const s = text[lang];
        const own = s.match(scripts[lang])?.length ?? 0;
        const latin = foreignLatinWords(s);
        if (own === 0 || latin.length > 0) problems.push(`${where} [${lang}]: ${latin.join(' ') || 'no ' + lang + ' script'}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('French and Spanish are translated, not copies of the English', () => {
    const same = all.filter(({ text }) => text.en.length > 12 && (text.fr === text.en || text.es === text.en)).map((t) => t.where);
    expect(same).toEqual([]);
  });

  test('interpolation placeholders, if any, are the same in every language', () => {
    const placeholders = (s: string) => (s.match(/\{\{\s*\w+\s*\}\}|\{\w+\}/g) ?? []).sort();
    for (const { where, text } of all) {
      for (const l of LANGUAGES) expect(placeholders(text[l]), `${where} [${l}]`).toEqual(placeholders(text.en));
    }
  });

  test('item ids are unique and every id published in 1.0.0 is still there with the same type', () => {
    const ids = items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    const types = new Map(items.map((i) => [i.id, i.type]));
    for (const [id, type] of Object.entries(published['1.0.0'])) expect(types.get(id), id).toBe(type);
  });

  test('rules parse and reference existing items; skip logic is used', () => {
    expect(checkRuleReferences(pack)).toEqual([]);
    expect(rulesOf(pack).filter((r) => r.kind === 'relevance').length).toBeGreaterThanOrEqual(10);
  });

  test('the committed pack and docs/checklist.md are up to date with their sources', () => {
    execFileSync(process.execPath, ['scripts/build-pack.mjs', '--check'], { cwd: root, stdio: 'pipe' });
    execFileSync(process.execPath, ['scripts/gen-checklist-doc.mjs', '--check'], { cwd: root, stdio: 'pipe' });
  });
});
