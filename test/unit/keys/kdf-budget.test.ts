// A key file names its own scrypt cost. One that asks for more than the budget (128·N·r ≤ 256 MiB,
// N·r·p ≤ 4× the default's, sane p and key length) is refused with its own message before a single
// byte is derived, by every path that opens one; the app's own defaults, and stronger settings
// within the budget, still open. The hostile files are test/fixtures/hostile/keys/*.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';

// Every derivation goes through node:crypto's scrypt: counting its calls proves none was attempted.
const derivations = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  const scrypt = ((...args: Parameters<typeof real.scrypt>) => {
    derivations.count += 1;
    return (real.scrypt as (...a: unknown[]) => void)(...args);
  }) as typeof real.scrypt;
  return { ...real, default: { ...real, scrypt }, scrypt };
});

import { AppError } from '../../../core/errors';
import {
  DEFAULT_SCRYPT,
  KeyFileSchema,
  MAX_SCRYPT_MEMORY_BYTES,
  generateKey,
  loadKeyFile,
  parseKeyFileText,
  scryptCostAccepted,
  unlockKey,
  type KeyFile,
} from '../../../core/keys';
import { setLogSink } from '../../../core/log';
import { createTranslator } from '../../../cli/i18n';

setLogSink(null);
const HOSTILE = path.resolve(__dirname, '../../fixtures/hostile/keys');
const PASS = 'correct horse battery';
const FAST = { scrypt: { N: 2 ** 14, r: 8, p: 1 } };

const codeOf = async (p: Promise<unknown> | (() => unknown)) => {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    return err instanceof AppError ? err : null;
  }
  return null;
};

beforeEach(() => {
  derivations.count = 0;
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('hostile key files from the corpus', () => {
  it.each([
    ['scrypt-4gib', 4096],
    ['scrypt-512mib', 512],
    ['scrypt-r-2tib', 2_000_000],
    ['scrypt-p-work', 256],
    ['scrypt-p-million', 16],
    ['scrypt-n-not-power-of-two', 98],
    ['scrypt-key-length-1gib', 16],
  ])('%s is refused on reading, naming its cost, with nothing derived', async (name, memory) => {
    const err = await codeOf(loadKeyFile(path.join(HOSTILE, name)));
    expect(err?.code).toBe('bundle:errors.keyKdfRefused');
    expect(err?.params).toMatchObject({ memory, limit: 256 });
    expect(derivations.count).toBe(0);
  });

  it('the reproduction (N = 2^20, r = 32: 4 GiB) is refused in plain words, in every language', async () => {
    const err = await codeOf(loadKeyFile(path.join(HOSTILE, 'scrypt-4gib')));
    if (!err) throw new Error('not refused');
    const en = createTranslator('en')(err.code, err.params);
    expect(en).toContain('N = 1048576, r = 32, p = 1');
    expect(en).toContain('4096 MiB');
    expect(en).toContain('256 MiB');
    for (const lng of ['ar', 'zh', 'fr', 'ru', 'es'] as const) {
      const text = createTranslator(lng)(err.code, err.params);
      expect(text, lng).not.toBe(en);
      expect(text, lng).toContain('1048576');
      expect(text, lng).not.toMatch(/\{\{/);
    }
  });

  it('the same text given to an import is refused before any derivation', async () => {
    const text = await fs.readFile(path.join(HOSTILE, 'scrypt-4gib', 'private-key.json'), 'utf8');
    expect((await codeOf(() => parseKeyFileText(text)))?.code).toBe('bundle:errors.keyKdfRefused');
    expect(derivations.count).toBe(0);
  });
});

describe('a key file object that skipped validation', () => {
  it('is still refused right before derivation, when unlocking', async () => {
    const sealed = await generateKey(PASS, FAST);
    // The counter sees real derivations: sealing took one.
    expect(derivations.count).toBe(1);
    derivations.count = 0;
    const hostile = { ...sealed.keyFile, kdf: { ...sealed.keyFile.kdf, N: 2 ** 20, r: 32 } } as KeyFile;
    expect((await codeOf(unlockKey(hostile, PASS)))?.code).toBe('bundle:errors.keyKdfRefused');
    expect(derivations.count).toBe(0);
  });

  it('is never written: sealing with settings outside the budget is refused too', async () => {
    expect((await codeOf(generateKey(PASS, { scrypt: { N: 2 ** 20, r: 32, p: 1 } })))?.code).toBe('bundle:errors.keyKdfRefused');
    expect(derivations.count).toBe(0);
  });
});

describe('the budget', () => {
  const cost = (N: number, r: number, p = 1, keyLength = 32) => scryptCostAccepted({ N, r, p, keyLength });

  it('accepts the app’s defaults and stronger settings up to 256 MiB, and the test floor', () => {
    expect(cost(DEFAULT_SCRYPT.N, DEFAULT_SCRYPT.r, DEFAULT_SCRYPT.p)).toBe(true);
    expect(128 * DEFAULT_SCRYPT.N * DEFAULT_SCRYPT.r).toBeLessThanOrEqual(MAX_SCRYPT_MEMORY_BYTES);
    expect(cost(2 ** 18, 8)).toBe(true);
    expect(cost(2 ** 17, 16)).toBe(true);
    expect(cost(2 ** 16, 32)).toBe(true);
    expect(cost(2 ** 17, 8, 4)).toBe(true);
    expect(cost(2 ** 14, 8)).toBe(true);
  });

  it('refuses more memory, more work, or numbers out of range', () => {
    expect(cost(2 ** 19, 8)).toBe(false);
    expect(cost(2 ** 18, 16)).toBe(false);
    expect(cost(2 ** 18, 8, 4)).toBe(false);
    expect(cost(2 ** 17, 8, 5)).toBe(false);
    expect(cost(2 ** 13, 8)).toBe(false);
    expect(cost(2 ** 14, 7)).toBe(false);
    expect(cost(2 ** 14, 8, 0)).toBe(false);
    expect(cost(2 ** 14 + 1, 8)).toBe(false);
    expect(cost(2 ** 14, 8, 1, 64)).toBe(false);
    expect(cost(Number.NaN, 8)).toBe(false);
    expect(cost(2 ** 14, 8.5)).toBe(false);
  });

  it('is part of the file schema, so a file within it still parses and one outside does not', async () => {
    const sealed = await generateKey(PASS, FAST);
    expect(KeyFileSchema.safeParse(sealed.keyFile).success).toBe(true);
    expect(KeyFileSchema.safeParse({ ...sealed.keyFile, kdf: { ...sealed.keyFile.kdf, N: 2 ** 18, r: 16 } }).success).toBe(false);
  });
});
