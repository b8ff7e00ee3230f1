import { promises as fs } from 'node:fs';
import { AppError } from '../errors';
import { migrateDraft } from '../draft/migrations/index';
import type { Draft } from '../draft/schema';

/** Why a draft file could not be used. `future` is special: the file is fine, this app is too old. */
export type ReadFailure = 'missing' | 'unreadable' | 'encoding' | 'truncated' | 'json' | 'schema' | 'future';

export type ReadResult =
  | { ok: true; draft: Draft; migratedFrom: number | null; bytes: number }
  | { ok: false; reason: ReadFailure; error: AppError };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decode, parse, migrate and validate draft bytes; never throws. */
export function parseDraftBytes(buf: Uint8Array): ReadResult {
  let text: string;
  try {
    text = utf8.decode(buf);
  } catch (err) {
    return { ok: false, reason: 'encoding', error: new AppError('drafts:errors.encoding', undefined, err) };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    // A file cut short ends inside an unfinished value: JSON.parse then reports the end of input.
    const truncated = text.trim().length === 0 || /end of (JSON )?input|Unterminated/i.test((err as Error).message);
    return truncated
      ? { ok: false, reason: 'truncated', error: new AppError('drafts:errors.truncated', undefined, err) }
      : { ok: false, reason: 'json', error: new AppError('drafts:errors.notJson', undefined, err) };
  }
  try {
    const { draft, migratedFrom } = migrateDraft(raw);
    return { ok: true, draft, migratedFrom, bytes: buf.byteLength };
  } catch (err) {
    const error = err instanceof AppError ? err : new AppError('drafts:errors.invalidDraft', { path: '(root)', problem: 'invalid' }, err);
    return { ok: false, reason: error.code === 'drafts:errors.futureVersion' ? 'future' : 'schema', error };
  }
}

/** Read a draft file from disk; a missing or unreadable file is a result, not an exception. */
export async function readDraftFile(file: string): Promise<ReadResult> {
  let buf: Buffer;
  try {
    buf = await fs.readFile(file);
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    return {
      ok: false,
      reason: missing ? 'missing' : 'unreadable',
      error: new AppError(missing ? 'drafts:errors.notFound' : 'drafts:errors.unreadable', undefined, err),
    };
  }
  return parseDraftBytes(buf);
}

/** The JSON text the store writes: indented so a person can read it, newline-terminated. */
export function serializeDraft(draft: Draft): string {
  return JSON.stringify(draft, null, 2) + '\n';
}
