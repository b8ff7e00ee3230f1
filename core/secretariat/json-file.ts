import { promises as fs } from 'node:fs';
import type { z } from 'zod';
import { MAX_JSON_BYTES } from './layout';

export type JsonRead<T> = { ok: true; value: T } | { ok: false; problem: 'missing' | 'tooLarge' | 'json' | 'schema' | 'future' };

/**
 * A workspace JSON file checked against its schema, never throwing for its content: missing, too
 * large, not JSON, not the schema, or written by a newer version (a higher `schemaVersion`). Errors
 * reading the disk itself (permissions, I/O) are thrown.
 */
export async function readJsonFile<S extends z.ZodType>(file: string, schema: S, version: number): Promise<JsonRead<z.infer<S>>> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.size > MAX_JSON_BYTES) return { ok: false, problem: 'tooLarge' };
    bytes = await fs.readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, problem: 'missing' };
    throw err;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, problem: 'json' };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const found = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof found === 'number' && found > version) return { ok: false, problem: 'future' };
  return { ok: false, problem: 'schema' };
}

/** Two-space JSON with a final newline: what a person opening the file expects. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
