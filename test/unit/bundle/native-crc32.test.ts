// The zip's CRC-32s come from Node's native zlib.crc32 and are the values every unzip tool expects.
import { expect, it } from 'vitest';
import { crc32 } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { useNativeCrc32, yazlCrc32 } from '../../../core/bundle/native-crc32';

it('swaps the CRC-32 yazl uses for the native one, giving identical values, chunked or whole', () => {
  const before = yazlCrc32();
  const data = randomBytes(300_000);
  const expected = before(data);
  expect(useNativeCrc32()).toBe(true);
  const after = yazlCrc32();
  expect(after).not.toBe(before);
  expect(after(data)).toBe(expected);
  expect(after(data.subarray(100_000), after(data.subarray(0, 100_000)))).toBe(expected);
  expect(after(Buffer.alloc(0))).toBe(0);
  expect(after('text')).toBe(crc32('text'));
});
