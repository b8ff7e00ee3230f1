import { describe, expect, it } from 'vitest';
import { parseLine, UsageError } from '../../../cli/parse';
import { chooseLanguage, withoutUiLang } from '../../../cli/i18n';

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
  // As the command table says: checklist and new make something in the language of their --lang.
  const content = (command: string) => command === 'checklist' || command === 'new';

  it('comes from --ui-lang anywhere on the line, then SCSA_LANG, then English', () => {
    expect(chooseLanguage(['--ui-lang', 'ru'], { SCSA_LANG: 'zh' }, content)).toEqual({ language: 'ru', rejected: null });
    expect(chooseLanguage(['checklist', '--ui-lang=ar'], {}, content)).toEqual({ language: 'ar', rejected: null });
    expect(chooseLanguage(['validate', 'd.json', '--ui-lang', 'fr'], { SCSA_LANG: 'es' }, content)).toEqual({ language: 'fr', rejected: null });
    expect(chooseLanguage([], { SCSA_LANG: 'zh' }, content)).toEqual({ language: 'zh', rejected: null });
    expect(chooseLanguage([], {}, content)).toEqual({ language: 'en', rejected: null });
  });

  it('never from the --lang of checklist or new: that is the language of the outline or of the answers', () => {
    expect(chooseLanguage(['new', '--country', 'KEN', '--lang', 'ar', '--out', 'k.json'], {}, content)).toEqual({ language: 'en', rejected: null });
    expect(chooseLanguage(['new', '--lang=fr', '--out', 'k.json'], { SCSA_LANG: 'es' }, content)).toEqual({ language: 'es', rejected: null });
    expect(chooseLanguage(['checklist', '--lang', 'zh'], { SCSA_LANG: 'ru' }, content)).toEqual({ language: 'ru', rejected: null });
    // Not even an unknown one: the command itself says what is wrong with its --lang.
    expect(chooseLanguage(['new', '--lang', 'xx'], {}, content)).toEqual({ language: 'en', rejected: null });
  });

  it('still takes --lang where it can only mean the messages: before the command, or on a command that makes nothing in a language', () => {
    expect(chooseLanguage(['--lang', 'ru', 'new', '--lang', 'ar'], {}, content)).toEqual({ language: 'ru', rejected: null });
    expect(chooseLanguage(['validate', 'd.json', '--lang', 'fr'], {}, content)).toEqual({ language: 'fr', rejected: null });
    expect(chooseLanguage(['--lang', 'fr', '--ui-lang', 'es', 'validate'], {}, content)).toEqual({ language: 'es', rejected: null });
  });

  it('reports an unknown code instead of guessing', () => {
    expect(chooseLanguage(['--ui-lang', 'de'], { SCSA_LANG: 'fr' }, content)).toEqual({ language: 'fr', rejected: { source: '--ui-lang', value: 'de' } });
    expect(chooseLanguage(['--lang', 'de'], { SCSA_LANG: 'fr' }, content)).toEqual({ language: 'fr', rejected: { source: '--lang', value: 'de' } });
    expect(chooseLanguage([], { SCSA_LANG: 'EN' }, content)).toEqual({ language: 'en', rejected: { source: 'SCSA_LANG', value: 'EN' } });
  });

  it('ignores --ui-lang and --lang after -- (they are file names there)', () => {
    expect(chooseLanguage(['validate', '--', '--lang', 'xx', '--ui-lang', 'yy'], {}, content)).toEqual({ language: 'en', rejected: null });
  });

  it('takes --ui-lang out of the line before a command reads its options', () => {
    expect(withoutUiLang(['--ui-lang', 'fr', 'new', '--lang', 'ar', '--ui-lang=es', '--out', 'x'])).toEqual(['new', '--lang', 'ar', '--out', 'x']);
    expect(withoutUiLang(['validate', '--', '--ui-lang', 'fr'])).toEqual(['validate', '--', '--ui-lang', 'fr']);
  });
});
