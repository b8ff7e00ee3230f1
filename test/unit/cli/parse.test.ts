import { describe, expect, it } from 'vitest';
import { parseLine, UsageError } from '../../../cli/parse';
import { chooseLanguage } from '../../../cli/i18n';

const SPECS = { out: { type: 'string', value: 'FILE' }, json: { type: 'boolean' }, lang: { type: 'string', value: 'L' } } as const;

function usageKey(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof UsageError ? `${err.key} ${JSON.stringify(err.params)}` : 'not a usage error';
  }
}

describe('the scsa argument parser', () => {
  it('reads values written either way, flags, and positionals in any order', () => {
    expect(parseLine(['draft.json', '--out', 'a.pdf', '--json'], SPECS)).toEqual({ positionals: ['draft.json'], options: { out: 'a.pdf', json: true } });
    expect(parseLine(['--out=a b.pdf', 'draft.json'], SPECS)).toEqual({ positionals: ['draft.json'], options: { out: 'a b.pdf' } });
  });

  it('takes everything after -- as file names, even if they look like flags', () => {
    expect(parseLine(['--', '--json', '-h'], SPECS)).toEqual({ positionals: ['--json', '-h'], options: {} });
  });

  it('never takes the next flag for a missing value', () => {
    expect(usageKey(() => parseLine(['--out', '--json'], SPECS))).toBe('errors.missingValue {"option":"--out","value":"FILE"}');
    expect(usageKey(() => parseLine(['--out'], SPECS))).toMatch(/^errors.missingValue/);
    expect(usageKey(() => parseLine(['--out='], SPECS))).toMatch(/^errors.missingValue/);
  });

  it('refuses unknown flags, short flags it does not know, and values on switches', () => {
    expect(usageKey(() => parseLine(['--ouput', 'x'], SPECS))).toBe('errors.unknownOption {"option":"--ouput"}');
    expect(usageKey(() => parseLine(['-o', 'x'], SPECS))).toBe('errors.unknownOption {"option":"-o"}');
    expect(usageKey(() => parseLine(['--json=true'], SPECS))).toBe('errors.noValueExpected {"option":"--json"}');
    expect(usageKey(() => parseLine(['--constructor'], SPECS))).toBe('errors.unknownOption {"option":"--constructor"}');
  });

  it('marks --help and -h after a command', () => {
    expect(parseLine(['-h'], SPECS).options.help).toBe(true);
    expect(parseLine(['x', '--help'], SPECS).options.help).toBe(true);
  });
});

describe('the language of messages', () => {
  it('comes from --lang, then SCSA_LANG, then English', () => {
    expect(chooseLanguage(['--lang', 'ru'], { SCSA_LANG: 'zh' })).toEqual({ language: 'ru', rejected: null });
    expect(chooseLanguage(['checklist', '--lang=ar'], {})).toEqual({ language: 'ar', rejected: null });
    expect(chooseLanguage([], { SCSA_LANG: 'zh' })).toEqual({ language: 'zh', rejected: null });
    expect(chooseLanguage([], {})).toEqual({ language: 'en', rejected: null });
  });

  it('reports an unknown code instead of guessing', () => {
    expect(chooseLanguage(['--lang', 'de'], { SCSA_LANG: 'fr' })).toEqual({ language: 'fr', rejected: { source: '--lang', value: 'de' } });
    expect(chooseLanguage([], { SCSA_LANG: 'EN' })).toEqual({ language: 'en', rejected: { source: 'SCSA_LANG', value: 'EN' } });
  });

  it('ignores --lang after -- (it is a file name there)', () => {
    expect(chooseLanguage(['validate', '--', '--lang', 'xx'], {})).toEqual({ language: 'en', rejected: null });
  });
});
