// Every attachment's zip CRC-32 goes through core/bundle/crc32.ts: the native module where it loads,
// zlib's otherwise; both must give the numbers unzip tools expect, whole or piece by piece.
import { describe, expect, it } from 'vitest';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { crc32, nativeCrc32Path } from '../../../core/bundle/crc32';

describe('CRC-32', () => {
  it('is the zip CRC-32 (check value of "123456789"), unsigned, and continues from a partial value', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    const data = randomBytes(3 * 1024 * 1024 + 17);
    const whole = zlibCrc32(data) >>> 0;
    expect(crc32(data)).toBe(whole);
    let partial = 0;
    for (let at = 0; at < data.length; at += 1024 * 1024) partial = crc32(data.subarray(at, at + 1024 * 1024), partial);
    expect(partial).toBe(whole);
    expect(crc32(Buffer.alloc(0))).toBe(0);
  });

  it('loads the native module on this machine (the one that carries a binary for it), by a path a worker can require', () => {
    const path = nativeCrc32Path();
    expect(path).toMatch(/@node-rs[/\\]crc32/);
    const mod = require(path as string) as { crc32: (b: Buffer, c?: number) => number };
    expect(mod.crc32(Buffer.from('123456789')) >>> 0).toBe(0xcbf43926);
  });
});
