// scsa checklist, new and validate, run as a user runs them: the built command line in a child process.
import { spawnSync } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CLI_ENTRY, ROOT, ensureBuilt } from '../../e2e/harness';
import { PackSchema } from '../../../core/checklist/schema';
import { DraftSchema } from '../../../core/draft/schema';
import { LANGUAGES } from '../../../core/i18n/languages';

const STACK_LINE = /\n\s+at .+:\d+:\d+/;
let dir: string;

function scsa(args: string[], env: Record<string, string> = {}) {
  const { SCSA_LANG: _ignored, ...base } = process.env;
  const run = spawnSync(process.execPath, [CLI_ENTRY, ...args], { encoding: 'utf8', cwd: dir, env: { ...base, ...env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const cliText = (lng: string) => JSON.parse(readFileSync(path.join(ROOT, 'locales', lng, 'cli.json'), 'utf8')) as Record<string, Record<string, unknown>>;
/** The words of "Created FILE: a new draft for COUNTRY…" between the file and the country, in one language. */
const createdWords = (lng: string) => String((cliText(lng).new as Record<string, string>).created).split('{{file}}')[1]?.split('{{country}}')[0] ?? '';
const draftsText = (lng: string) => JSON.parse(readFileSync(path.join(ROOT, 'locales', lng, 'drafts.json'), 'utf8')) as { validation: Record<string, string> };

beforeAll(async () => {
  await ensureBuilt();
});

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-cli-wf-'));
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('scsa checklist', () => {
  it('--json prints the bundled pack: valid, all six languages, sections A to I, at least 60 items', () => {
    const r = scsa(['checklist', '--json']);
    expect(r.code).toBe(0);
    const pack = PackSchema.parse(JSON.parse(r.stdout));
    expect(pack.id).toBe('safer-cities-sacl');
    expect(pack.sections.map((s) => s.id)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I']);
    expect(pack.sections.flatMap((s) => s.items).length).toBeGreaterThanOrEqual(60);
    expect([...pack.languages].sort()).toEqual([...LANGUAGES].sort());
  });

  it.each(LANGUAGES.map((l) => [l]))('prints a readable outline in %s', (lng) => {
    const pack = PackSchema.parse(JSON.parse(scsa(['checklist', '--json']).stdout));
    const r = scsa(['checklist', '--lang', lng, '--ui-lang', lng]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(pack.title[lng]);
    const first = pack.sections[0]!;
    expect(r.stdout).toContain(`${first.id}. ${first.title[lng]}`);
    for (const item of pack.sections.flatMap((s) => s.items)) expect(r.stdout).toMatch(new RegExp(`^  ${item.id.replace('.', '\\.')}  `, 'm'));
    expect(r.stdout).toContain((cliText(lng).checklist as Record<string, string>).legendRequired);
  });
});

describe('scsa checklist --lang', () => {
  it('is the language of the outline only: the words around it follow --ui-lang or SCSA_LANG', () => {
    const pack = PackSchema.parse(JSON.parse(scsa(['checklist', '--json']).stdout));
    const r = scsa(['checklist', '--lang', 'fr'], { SCSA_LANG: 'es' });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(pack.title.fr);
    expect(r.stdout).toContain((cliText('es').checklist as Record<string, string>).legendRequired);
    expect(r.stdout).not.toContain((cliText('fr').checklist as Record<string, string>).legendRequired);
  });
});

describe('scsa new', () => {
  it('--lang is the response language only: messages follow SCSA_LANG or --ui-lang', async () => {
    const english = scsa(['new', '--country', 'KEN', '--lang', 'ar', '--out', 'a.scsa.json']);
    expect(english.code).toBe(0);
    expect(english.stdout).toMatch(/^Created a\.scsa\.json: a new draft for Kenya \(KEN\)/);
    expect(DraftSchema.parse(JSON.parse(await fs.readFile(path.join(dir, 'a.scsa.json'), 'utf8'))).assessment.responseLanguage).toBe('ar');
    const french = scsa(['new', '--country', 'KEN', '--lang', 'ar', '--out', 'b.scsa.json'], { SCSA_LANG: 'fr' });
    expect(french.stdout).toContain('Kenya (KEN)');
    expect(french.stdout).toContain(createdWords('fr'));
    const spanish = scsa(['new', '--country', 'KEN', '--ui-lang', 'es', '--lang', 'ru', '--out', 'c.scsa.json'], { SCSA_LANG: 'fr' });
    expect(spanish.stdout).toContain(createdWords('es'));
    expect(DraftSchema.parse(JSON.parse(await fs.readFile(path.join(dir, 'c.scsa.json'), 'utf8'))).assessment.responseLanguage).toBe('ru');
  });

  it('writes a new empty draft for a Member State in the response language, on the default checklist', async () => {
    const r = scsa(['new', '--country', 'ken', '--lang', 'fr', '--out', 'kenya.scsa.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('kenya.scsa.json');
    const draft = DraftSchema.parse(JSON.parse(await fs.readFile(path.join(dir, 'kenya.scsa.json'), 'utf8')));
    expect(draft.assessment).toMatchObject({ countryCode: 'KEN', responseLanguage: 'fr' });
    expect(draft.checklist).toEqual({ id: 'safer-cities-sacl', version: '1.0.0' });
    expect(draft.answers).toEqual({});
    expect((await fs.readdir(dir)).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('takes the observer States too, and names the country by its official UN name', async () => {
    const holySee = scsa(['new', '--country', 'vat', '--lang', 'fr', '--out', 'v.scsa.json'], { SCSA_LANG: 'fr' });
    expect(holySee.code).toBe(0);
    expect(holySee.stdout).toContain('Saint-Siège (VAT)');
    const turkiye = scsa(['new', '--country', 'TUR', '--lang', 'en', '--out', 't.scsa.json']);
    expect(turkiye.stdout).toContain('Türkiye (TUR)');
    const russia = scsa(['new', '--country', 'RUS', '--lang', 'ru', '--out', 'r.scsa.json'], { SCSA_LANG: 'ru' });
    expect(russia.stdout).toContain('Российская Федерация (RUS)');
  });

  it('takes another pack with --pack id@version, and refuses one the app does not carry', async () => {
    expect(scsa(['new', '--country', 'SEN', '--lang', 'en', '--out', 's.json', '--pack', 'safer-cities-sample@0.1.0']).code).toBe(0);
    expect(JSON.parse(await fs.readFile(path.join(dir, 's.json'), 'utf8')).checklist).toEqual({ id: 'safer-cities-sample', version: '0.1.0' });
    const r = scsa(['new', '--country', 'SEN', '--lang', 'en', '--out', 't.json', '--pack', 'other@2.0.0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('other 2.0.0');
    await expect(fs.access(path.join(dir, 't.json'))).rejects.toThrow();
  });

  it('never overwrites an existing file unless --force', async () => {
    const file = path.join(dir, 'mine.scsa.json');
    await fs.writeFile(file, 'my precious work');
    const r = scsa(['new', '--country', 'FRA', '--lang', 'ar', '--out', 'mine.scsa.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--force');
    expect(await fs.readFile(file, 'utf8')).toBe('my precious work');
    expect(scsa(['new', '--country', 'FRA', '--lang', 'ar', '--out', 'mine.scsa.json', '--force']).code).toBe(0);
    expect(DraftSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8'))).success).toBe(true);
  });

  it.each([
    [['--country', 'XXX', '--lang', 'en', '--out', 'a.json'], 'XXX'],
    [['--country', 'TWN', '--lang', 'en', '--out', 'a.json'], 'TWN'],
    [['--country', 'FRANCE', '--lang', 'en', '--out', 'a.json'], 'FRANCE'],
    [['--lang', 'en', '--out', 'a.json'], '--country'],
    [['--country', 'FRA', '--out', 'a.json'], '--lang'],
    [['--country', 'FRA', '--lang', 'en'], '--out'],
  ])('refuses %j with exit 2 and a message naming %s, writing nothing', async (args, named) => {
    const r = scsa(['new', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(named);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(await fs.readdir(dir)).toEqual([]);
  });
});

describe('scsa validate', () => {
  async function sampleDraft(answers: Record<string, unknown>): Promise<string> {
    expect(scsa(['new', '--country', 'FRA', '--lang', 'en', '--out', 'd.scsa.json', '--pack', 'safer-cities-sample@0.1.0']).code).toBe(0);
    const file = path.join(dir, 'd.scsa.json');
    const draft = JSON.parse(await fs.readFile(file, 'utf8')) as { answers: Record<string, unknown> };
    draft.answers = answers;
    await fs.writeFile(file, JSON.stringify(draft));
    return 'd.scsa.json';
  }

  it('exits 1 with one line per problem, "item id — problem", in the message language', async () => {
    const file = await sampleDraft({ 'A.1': 'Ministère', 'B.1': 'not_implemented', 'A.2': '2001-01-01' });
    for (const lng of ['en', 'ar', 'zh'] as const) {
      const r = scsa(['validate', file, '--lang', lng]);
      expect(r.code).toBe(1);
      const required = draftsText(lng).validation.required!;
      for (const id of ['A.3', 'A.4', 'B.3', 'B.5', 'C.1']) expect(r.stdout).toContain(`  ${id} — ${required}`);
      expect(r.stdout).toMatch(/^ {2}A\.2 — /m);
      expect(r.stdout).not.toMatch(/^ {2}(A\.1|B\.2) — /m);
    }
  });

  it('exits 0 for a complete draft, an answer to an unknown item only mentioned', async () => {
    const file = await sampleDraft({
      'A.1': 'Ministère',
      'A.3': ['academia'],
      'A.4': true,
      'B.1': 'unknown',
      'B.3': 'Pas encore',
      'B.5': { status: 'partially' },
      'C.1': { status: 'not_applicable' },
      'Z.9': 'kept from an older checklist',
    });
    const r = scsa(['validate', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(file);
    expect(r.stderr).toContain('Z.9');
  });

  it.each([
    ['cut short', (t: string) => t.slice(0, 40)],
    ['not JSON', () => 'hello'],
    ['not UTF-8', () => Buffer.from([0x7b, 0xff, 0xfe, 0x7d])],
    ['not a draft', () => '{"name": "package"}'],
    ['from a newer version', (t: string) => t.replace(/"schemaVersion": \d+/, '"schemaVersion": 70')],
  ])('exits 1 with one clear sentence, no stack trace, for a file %s', async (_what, damage) => {
    await sampleDraft({});
    const file = path.join(dir, 'd.scsa.json');
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, damage(JSON.stringify(JSON.parse(text), null, 2)));
    const r = scsa(['validate', 'd.scsa.json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^scsa: .*d\.scsa\.json.*\n$/);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('exits 1 for a missing file or a folder', () => {
    for (const target of ['missing.scsa.json', '.']) {
      const r = scsa(['validate', target]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(target);
      expect(r.stderr).not.toMatch(STACK_LINE);
    }
  });
});
