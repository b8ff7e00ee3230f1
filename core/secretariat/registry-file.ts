import path from 'node:path';
import { createLogger } from '../log';
import { quarantine, writeFileAtomic } from '../fs/atomic';
import { appendJsonLine, readJsonLines } from './jsonl';
import { jsonText, readJsonFile } from './json-file';
import { WORKSPACE_FILES } from './layout';
import { RegistryFileSchema, RegistryLogLineSchema, WORKSPACE_SCHEMA_VERSION, type RegistryEntry, type RegistryLogLine } from './schemas';
import type { Notice } from './workspace';
import { AppError } from '../errors';

const log = createLogger('secretariat-registry');

/** Entries are one per key and country: that pair identifies an entry in the log too. */
export const entryKey = (e: Pick<RegistryEntry, 'country' | 'fingerprint'>): string => `${e.country} ${e.fingerprint}`;

/** The registry as the log says it became: every change carries its entries after the change. */
function replay(lines: RegistryLogLine[]): RegistryEntry[] {
  const byKey = new Map<string, RegistryEntry>();
  for (const line of lines) for (const e of line.entries) byKey.set(entryKey(e), e);
  return [...byKey.values()];
}

/**
 * Read `registry.json`. Missing or damaged, it is rebuilt from `registry-log.jsonl` (every change
 * records its entries), the damaged file set aside, and a notice given: a registry is never
 * silently emptied, which would hold every bundle. Written by a newer version: refused.
 */
export async function loadWorkspaceRegistry(root: string, write: boolean, notices: Notice[]): Promise<RegistryEntry[]> {
  const file = path.join(root, WORKSPACE_FILES.registry);
  const read = await readJsonFile(file, RegistryFileSchema, WORKSPACE_SCHEMA_VERSION);
  if (read.ok) return read.value.keys;
  if (read.problem === 'future') throw new AppError('secretariat:errors.workspaceNewer', { dir: root });
  const { lines } = await readJsonLines(path.join(root, WORKSPACE_FILES.registryLog), RegistryLogLineSchema);
  const keys = replay(lines);
  log.warn(`registry.json ${read.problem}: rebuilt ${keys.length} entries from the log`);
  notices.push({ code: 'secretariat:notices.registryRebuilt', params: { problem: read.problem, count: keys.length } });
  if (write) {
    if (read.problem !== 'missing') await quarantine(file);
    await writeFileAtomic(file, jsonText({ format: 'scsa-registry', schemaVersion: WORKSPACE_SCHEMA_VERSION, keys }));
  }
  return keys;
}

/** Write the registry, then log the change (the log line names the entries as they now are). */
export async function saveRegistry(root: string, keys: RegistryEntry[], change: Omit<RegistryLogLine, 'entries'> & { entries: RegistryEntry[] }): Promise<void> {
  const content = RegistryFileSchema.parse({ format: 'scsa-registry', schemaVersion: WORKSPACE_SCHEMA_VERSION, keys });
  await writeFileAtomic(path.join(root, WORKSPACE_FILES.registry), jsonText(content));
  await appendJsonLine(path.join(root, WORKSPACE_FILES.registryLog), RegistryLogLineSchema.parse(change));
}
