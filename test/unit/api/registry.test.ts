import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLogSink } from '../../../core/log';
import { samplePackSource } from '../../../core/checklist/sample';
import { DEFAULT_PACK, defaultPack, findPack, getPack, listPacks, loadPublished } from '../../../core/checklist/registry';
import { AppError } from '../../../core/errors';

const logLines: string[] = [];
beforeEach(() => {
  logLines.length = 0;
  setLogSink((line) => logLines.push(line));
});
afterEach(() => setLogSink((line) => process.stderr.write(line + '\n')));

type Raw = { sections: Array<{ items: Array<{ text: Record<string, string> }> }> };

describe('checklist registry', () => {
  it('carries the Safer Cities checklist as default, strictly complete in six languages, and the sample pack', () => {
    expect(defaultPack().pack).toMatchObject({ id: DEFAULT_PACK.id, version: DEFAULT_PACK.version });
    expect(defaultPack().translationGaps).toEqual([]);
    expect(listPacks().filter((p) => p.isDefault).map((p) => p.id)).toEqual(['safer-cities-sacl']);
    expect(findPack({ id: 'safer-cities-sample', version: '0.1.0' })?.items.size).toBeGreaterThan(0);
    expect(findPack({ id: 'safer-cities-sample', version: '0.2.0' })).toBeNull();
    expect(() => getPack({ id: 'x', version: '1.0.0' })).toThrow(AppError);
  });

  it('loads a pack with a missing translation leniently, listing and logging the gap', () => {
    const raw = samplePackSource() as Raw;
    delete (raw.sections[0]!.items[0]!.text as Partial<Record<string, string>>).ru;
    const loaded = loadPublished(raw, { id: 'safer-cities-sample', version: '0.1.0' });
    expect(loaded.translationGaps).toEqual(['sections[0].items[0].text.ru']);
    expect(loaded.pack.sections[0]!.items[0]!.text.ru).toBe('');
    expect(logLines.some((l) => l.includes('loaded leniently'))).toBe(true);
  });

  it('refuses a pack with any other fault, with the strict error', () => {
    const raw = samplePackSource() as Raw & { sections: Array<{ items: Array<Record<string, unknown>> }> };
    raw.sections[0]!.items[0]!['type'] = 'essay';
    let error: unknown;
    try {
      loadPublished(raw, { id: 'safer-cities-sample', version: '0.1.0' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('drafts:errors.packInvalid');
  });
});
