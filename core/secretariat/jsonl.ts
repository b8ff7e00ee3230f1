import { promises as fs } from 'node:fs';
import type { z } from 'zod';

/** Longest line read back; a longer one is counted as damaged and skipped. */
const MAX_LINE_BYTES = 1024 * 1024;

/**
 * Append one JSON line and (unless `sync` is false: the caller fsyncs later, e.g. once per batch)
 * fsync it. A kill during an earlier append may have left a line without its newline: a newline is
 * put first then, so that the new line is never glued to the broken one.
 */
export async function appendJsonLine(file: string, value: unknown, sync = true): Promise<void> {
  const handle = await fs.open(file, 'a+', 0o644);
  try {
    const { size } = await handle.stat();
    let prefix = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) prefix = '\n';
    }
    await handle.write(`${prefix}${JSON.stringify(value)}\n`);
    if (sync) await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Make the lines appended so far durable (after appends without `sync`); a missing file has none. */
export async function syncJsonLines(file: string): Promise<void> {
  const handle = await fs.open(file, 'r+').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
  if (!handle) return;
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Every line of a JSON-lines file that parses against `schema`, in order; damaged lines (a kill in
 * the middle of a write, a hand edit) are counted and skipped. A missing file has no lines.
 */
export async function readJsonLines<S extends z.ZodType>(file: string, schema: S): Promise<{ lines: z.infer<S>[]; damaged: number }> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], damaged: 0 };
    throw err;
  }
  const lines: z.infer<S>[] = [];
  let damaged = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    if (line.length > MAX_LINE_BYTES) {
      damaged++;
      continue;
    }
    try {
      const parsed = schema.safeParse(JSON.parse(line));
      if (parsed.success) lines.push(parsed.data);
      else damaged++;
    } catch {
      damaged++;
    }
  }
  return { lines, damaged };
}
