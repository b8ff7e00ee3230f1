// The pieces that make export fast must never change a byte: the file sink, the hash worker, the buffer pool.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileSink } from '../../../core/bundle/file-sink';
import { HashPool, useSharedHashPool } from '../../../core/bundle/hash-worker';
import { BufferPool, CHUNK_BYTES, PooledReadStream } from '../../../core/bundle/buffer-pool';

const MIB = 1024 * 1024;
let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-export-io-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('FileSink', () => {
  it('writes exactly the bytes given, in order, across many chunks and background flushes', async () => {
    // Chunks of odd sizes, more than the 8 MiB queue and several flush intervals of 1 MiB.
    const chunks = Array.from({ length: 40 }, (_, i) => randomBytes(((i * 7919) % (700 * 1024)) + 1));
    const file = path.join(dir, 'out.bin');
    const written: Buffer[] = [];
    await pipeline(Readable.from(chunks), new FileSink(file, { syncEvery: MIB, onWritten: (c) => written.push(c) }));
    // Buffer.equals, not toEqual: a deep comparison of megabytes takes vitest minutes.
    expect((await fs.readFile(file)).equals(Buffer.concat(chunks))).toBe(true);
    expect(written).toHaveLength(chunks.length);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o644 & ~process.umask());
  });

  it('never overwrites an existing file', async () => {
    const file = path.join(dir, 'taken.zip');
    await fs.writeFile(file, 'keep me');
    await expect(pipeline(Readable.from([Buffer.from('new')]), new FileSink(file))).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await fs.readFile(file, 'utf8')).toBe('keep me');
  });

  it('fails the stream when the file cannot be written', async () => {
    // A folder that does not exist stands in for a disk that refuses the file.
    await expect(pipeline(Readable.from([Buffer.from('x')]), new FileSink(path.join(dir, 'missing', 'out.zip')))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('HashPool', () => {
  it('gives the SHA-256 of each stream, with streams interleaved and chunks larger than a ring slot', async () => {
    const pool = new HashPool();
    try {
      const a = [randomBytes(10), randomBytes(MIB), randomBytes(3 * MIB + 5), Buffer.alloc(0), randomBytes(777)];
      const b = Array.from({ length: 40 }, () => randomBytes(MIB)); // more than the 16 slots of the ring
      const ha = pool.create();
      const hb = pool.create();
      for (let i = 0; i < Math.max(a.length, b.length); i++) {
        if (a[i]) await ha.update(a[i] as Buffer);
        if (b[i]) await hb.update(b[i] as Buffer);
      }
      expect(await ha.digest()).toBe(sha(Buffer.concat(a)));
      expect(await hb.digest()).toBe(sha(Buffer.concat(b)));
      expect(await pool.create().digest()).toBe(sha(Buffer.alloc(0)));
    } finally {
      await pool.close();
    }
  });

  it('copies each chunk: changing it after update does not change the hash', async () => {
    const pool = new HashPool();
    try {
      const chunk = randomBytes(MIB);
      const expected = sha(chunk);
      const h = pool.create();
      await h.update(chunk);
      chunk.fill(0);
      expect(await h.digest()).toBe(expected);
    } finally {
      await pool.close();
    }
  });

  it('fails pending digests once closed, rather than hanging', async () => {
    const pool = new HashPool();
    const h = pool.create();
    await h.update(randomBytes(1000));
    await pool.close();
    await expect(h.digest()).rejects.toThrow();
  });
});

describe('the shared hash pool', () => {
  it('is kept for the next export after a success, and replaced after a failure', async () => {
    const first = useSharedHashPool();
    const h = first.pool.create();
    await h.update(Buffer.from('abc'));
    expect(await h.digest()).toBe(sha(Buffer.from('abc')));
    await first.done(true);
    const second = useSharedHashPool();
    expect(second.pool).toBe(first.pool);
    await second.done(false);
    expect(second.pool.alive).toBe(false);
    const third = useSharedHashPool();
    expect(third.pool).not.toBe(first.pool);
    expect(await third.pool.create().digest()).toBe(sha(Buffer.alloc(0)));
    await third.done(true);
  });
});

describe('BufferPool and PooledReadStream', () => {
  it('read a file exactly, reusing only buffers that came back', async () => {
    const content = randomBytes(5 * CHUNK_BYTES + 123);
    const file = path.join(dir, 'in.bin');
    await fs.writeFile(file, content);
    const pool = new BufferPool();
    const seen: Buffer[] = [];
    for await (const chunk of new PooledReadStream(file, pool)) {
      seen.push(Buffer.from(chunk as Buffer)); // a copy: the chunk itself goes back to the pool
      pool.release(chunk as Buffer);
    }
    expect(Buffer.concat(seen).equals(content)).toBe(true);
  });

  it('hands a released buffer out again, once, and never one it did not make', () => {
    const pool = new BufferPool();
    const a = pool.take();
    pool.release(a);
    pool.release(a);
    pool.release(Buffer.alloc(CHUNK_BYTES));
    const b = pool.take();
    const c = pool.take();
    expect(b.buffer).toBe(a.buffer);
    expect(c.buffer).not.toBe(a.buffer);
  });
});
