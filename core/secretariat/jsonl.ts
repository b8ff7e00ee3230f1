import { promises as fs, writeSync } from 'node:fs';
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

/** Lines appended to one file through one open descriptor: an import appends a line per bundle. */
export interface JsonLineAppender {
  append(value: unknown): Promise<void>;
  /** Make the lines appended so far durable. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

/**
 * appendJsonLine for many lines: the file is opened at the first line and kept open, its last byte
 * looked at once (a line cut short by a kill gets its newline first), and fsynced on `sync`.
 */
export function jsonLineAppender(file: string): JsonLineAppender {
  let handle: fs.FileHandle | null = null;
  let written = false;
  const opened = async (): Promise<fs.FileHandle> => {
    if (handle) return handle;
    const h = await fs.open(file, 'a+', 0o644);
    try {
      const { size } = await h.stat();
      if (size > 0) {
        const last = Buffer.alloc(1);
        await h.read(last, 0, 1, size - 1);
        if (last[0] !== 0x0a) await h.write('\n');
      }
    } catch (err) {
      await h.close();
      throw err;
    }
    handle = h;
    return h;
  };
  return {
    async append(value) {
      const h = handle ?? (await opened());
      // Written at once, without a turn of the event loop: an import places a file and logs it
      // before deciding the next, and an awaited write there waited behind the verification of the
      // files after it (a line to the page cache takes microseconds).
      const bytes = Buffer.from(`${JSON.stringify(value)}\n`);
      for (let done = 0; done < bytes.length; ) {
        const n = writeSync(h.fd, bytes, done);
        if (n <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
        done += n;
      }
      written = true;
    },
    async sync() {
      if (handle && written) await handle.sync();
      written = false;
    },
    async close() {
      const h = handle;
      handle = null;
      await h?.close();
    },
  };
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
