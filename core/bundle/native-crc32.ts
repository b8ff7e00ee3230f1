import { crc32 } from './crc32';

type Unsigned = (input: string | Buffer, partial?: Buffer | number) => number;
let installed = false;

/**
 * yazl computes every entry's CRC-32 through buffer-crc32, a JavaScript loop (about 130 MB/s on a
 * slow machine: the largest cost of exporting big attachments). crc32.ts computes the same unsigned
 * CRC-32 natively, ten to a hundred times faster; route buffer-crc32's
 * `unsigned`, the one function yazl calls, to it. Strings and Buffer-form partial CRCs keep the
 * original path. Returns whether the native path is in place.
 */
export function useNativeCrc32(): boolean {
  if (installed) return true;
  // Without CommonJS require (a pure ES module host) the shared instance cannot be reached: keep yazl's own.
  if (typeof require !== 'function') return false;
  // require(), not import: the package also ships an ES module build, a separate instance from the
  // CommonJS one yazl requires, and patching that one would change nothing.
  const target = require('buffer-crc32') as { unsigned: Unsigned };
  const original = target.unsigned;
  target.unsigned = (input, partial) =>
    typeof input === 'string' || Buffer.isBuffer(partial) ? original(input, partial) : crc32(input, partial ?? 0);
  installed = true;
  return true;
}

/** The CRC-32 function yazl will call (for the test that checks the swap took). */
export function yazlCrc32(): Unsigned {
  return (require('buffer-crc32') as { unsigned: Unsigned }).unsigned;
}
