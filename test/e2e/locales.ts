import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness';

/** A string from `locales/<lng>/common.json` by dotted key: the tests expect what translators wrote. */
export function commonText(lng: string, key: string): string {
  const json = JSON.parse(readFileSync(path.join(ROOT, 'locales', lng, 'common.json'), 'utf8')) as unknown;
  let node: unknown = json;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`locales/${lng}/common.json has no string at ${key}`);
  return node;
}
