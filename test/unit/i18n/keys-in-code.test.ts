// Every message key the code uses exists in all six languages, and the params the code gives cover
// every placeholder its texts use (issue 10.5, after Signal Desktop's valid-i18n-keys lint): a
// missing key shows the key itself, a missing param shows a literal `{{path}}` to the user.
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../core/i18n/languages';
import { scanKeys, type KeyUse } from './key-scanner';
import { ROOT, allKeys, isPlural, placeholdersOf, textsOf } from './catalogue';

const { uses, dynamic } = scanKeys(ROOT, ['core', 'cli', 'electron', 'web-host', 'renderer/src']);
const literal = uses.filter((u): u is KeyUse & { key: string } => typeof u.key === 'string');
const patterns = uses.filter((u): u is KeyUse & { key: RegExp } => u.key instanceof RegExp);
const keys = allKeys();

describe('the key scanner', () => {
  it('finds the keys of every kind of use, and counts those it cannot read', () => {
    const found = new Set(literal.map((u) => u.key));
    // One of each form: t() in the renderer, useTranslation('signing'), AppError, a notice object, a CLI UsageError, BundleInvalid, labels.t in the PDF.
    for (const key of ['common:home.create', 'signing:check.title', 'drafts:errors.answerTooDeep', 'drafts:notices.attachmentMissing', 'cli:errors.unknownCommand', 'bundle:verify.badName', 'report:cover.period']) {
      expect(found, key).toContain(key);
    }
    expect(literal.length).toBeGreaterThan(400);
    expect(dynamic).toBeGreaterThan(0);
  });
});

describe('message keys used in the code', () => {
  it('exist in all six languages', () => {
    const missing = literal.flatMap((u) => LANGUAGES.filter((lng) => textsOf(lng, u.key).length === 0).map((lng) => `${u.key} (${lng}) at ${u.where}`));
    expect([...new Set(missing)]).toEqual([]);
  });

  it('built from a template, match at least one key', () => {
    const unmatched = patterns.filter((u) => !keys.some((k) => u.key.test(k))).map((u) => `${String(u.key)} at ${u.where}`);
    expect(unmatched).toEqual([]);
  });

  it('are given every param their texts use, in every language (count for a plural)', () => {
    const short: string[] = [];
    for (const u of uses) {
      if (!u.given || u.given.open) continue;
      // A key built from a template must suit every key it can become (a plural family is not one of them).
      for (const key of typeof u.key === 'string' ? [u.key] : keys.filter((k) => (u.key as RegExp).test(k) && !isPlural(k))) {
        const need = placeholdersOf(key);
        if (isPlural(key)) need.add('count');
        const names = u.given.names;
        const lacking = [...need].filter((p) => !names.has(p));
        if (lacking.length > 0) short.push(`${key} lacks ${lacking.join(', ')} at ${u.where}`);
      }
    }
    expect(short).toEqual([]);
  });
});
