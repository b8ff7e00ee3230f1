import { crc32 as zlibCrc32 } from 'node:zlib';
import { createLogger } from '../log';

const log = createLogger('bundle-crc32');

/** CRC-32 (the zip one) of `data`, continuing from `crc`; unsigned. */
export type Crc32 = (data: Buffer, crc?: number) => number;

/**
 * Node's zlib.crc32 runs at 3–4 GB/s here; @node-rs/crc32 (a prebuilt native module, no install
 * script) uses the processor's carry-less multiply at 12 GB/s and more. Every byte of a bundle's
 * attachments is checked against its zip CRC-32 on import and given one on export, so it is a
 * quarter of the hashing work either way. The package ships one binary per platform: where none
 * loads (a build for another platform), zlib's gives the same numbers, slower.
 */
let fast: { crc: Crc32; path: string } | null | undefined;

function loadFast(): { crc: Crc32; path: string } | null {
  if (fast !== undefined) return fast;
  fast = null;
  try {
    // require.resolve at run time: the package stays outside the bundles (scripts/build.mjs), and
    // the worker threads load it by this path.
    const path = require.resolve('@node-rs/crc32');
    const mod = require(path) as { crc32?: (data: Buffer, crc?: number) => number };
    if (typeof mod.crc32 !== 'function' || mod.crc32(Buffer.from('123456789')) !== 0xcbf43926) throw new Error('unexpected CRC-32 module');
    const native = mod.crc32;
    fast = { crc: (data, crc = 0) => native(data, crc) >>> 0, path };
  } catch (err) {
    log.info('native CRC-32 not available; using zlib', err);
  }
  return fast;
}

/** The fastest CRC-32 this process has. */
export function crc32(data: Buffer, crc = 0): number {
  const native = loadFast();
  return native ? native.crc(data, crc) : zlibCrc32(data, crc) >>> 0;
}

/** Where a worker thread can `require` the native CRC-32 from, or null to use zlib's there too. */
export function nativeCrc32Path(): string | null {
  return loadFast()?.path ?? null;
}
