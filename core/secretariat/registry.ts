import { AppError } from '../errors';
import { FingerprintInputSchema, entryInForce, type KeyRole } from '../bundle/registry';
import { IsoDateSchema } from '../draft/answers';
import { fingerprintOf, parsePublicKeyPem, publicKeyPem } from '../keys/fingerprint';
import { verifyReplacement } from '../keys/replacement';
import { inWorkspace } from './fs-errors';
import { recheckHeld, type ImportDecision } from './import';
import { entryKey, saveRegistry } from './registry-file';
import { RegistryEntrySchema, type RegistryEntry, type RegistryLogLine } from './schemas';
import { assertWritable, type Workspace } from './workspace';

export interface AddKeyInput {
  country: string;
  /** The `.pub.pem` file's content. */
  pem: string | Buffer;
  /** The fingerprint as typed from the official letter: spaces, line breaks, colons and capitals do not matter. */
  fingerprint: string;
  name?: string;
  role?: KeyRole;
  validFrom?: string;
  validTo?: string;
  note?: string;
}

/** What a registry change did: the entries as they now are, and what became of each held bundle. */
export interface RegistryChange {
  entries: RegistryEntry[];
  held: ImportDecision[];
}

const day = (at: Date) => at.toISOString().slice(0, 10);
/** A typed value quoted back in a message: on one line, not too long. */
const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim().slice(0, 120);

function checkDate(value: string | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (!IsoDateSchema.safeParse(value).success) throw new AppError('secretariat:errors.badDate', { field, value: value.slice(0, 40) });
  return value;
}

/** The 1-based group of 8 hex digits (as printed in the letter) where two fingerprints first differ. */
function firstDifferentGroup(a: string, b: string): number {
  for (let i = 0; i < 64; i++) if (a[i] !== b[i]) return Math.floor(i / 8) + 1;
  return 0;
}

async function commit(ws: Workspace, keys: RegistryEntry[], change: Omit<RegistryLogLine, 'at'>, now: Date, onDecision?: (d: ImportDecision) => void): Promise<RegistryChange> {
  await inWorkspace(ws.dir, () => saveRegistry(ws.dir, keys, { at: now.toISOString(), ...change }));
  ws.registry = keys;
  const held = await recheckHeld(ws, { now: () => now, ...(onDecision ? { onDecision } : {}) });
  return { entries: change.entries, held };
}

/**
 * Register a key for a country from its public key file and the fingerprint typed from the official
 * letter. The two must match (`fingerprintMismatch` names the first group that differs, never the
 * key's own fingerprint, so that the check stays a check); one entry per key and country. Held
 * bundles are checked again afterwards.
 */
export async function addKey(ws: Workspace, input: AddKeyInput, now: Date = new Date(), onDecision?: (d: ImportDecision) => void): Promise<RegistryChange> {
  assertWritable(ws);
  const country = input.country.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(country)) throw new AppError('secretariat:errors.badCountry', { value: input.country.slice(0, 40) });
  const typed = FingerprintInputSchema.safeParse(input.fingerprint);
  if (!typed.success) throw new AppError('secretariat:errors.fingerprintInvalid', { value: oneLine(input.fingerprint) });
  const key = parsePublicKeyPem(input.pem);
  const actual = fingerprintOf(key);
  if (actual !== typed.data) throw new AppError('secretariat:errors.fingerprintMismatch', { group: firstDifferentGroup(actual, typed.data) });
  const validFrom = checkDate(input.validFrom, '--valid-from');
  const validTo = checkDate(input.validTo, '--valid-to');
  if (validFrom && validTo && validTo < validFrom) throw new AppError('secretariat:errors.badPeriod', { from: validFrom, to: validTo });
  if (ws.registry.some((k) => entryKey(k) === entryKey({ country, fingerprint: actual }))) {
    throw new AppError('secretariat:errors.alreadyRegistered', { fingerprint: actual, country });
  }
  const entry = RegistryEntrySchema.parse({
    country,
    fingerprint: actual,
    publicKeyPem: publicKeyPem(key),
    name: (input.name ?? '').trim(),
    role: input.role ?? 'focal-point',
    ...(validFrom ? { validFrom } : {}),
    ...(validTo ? { validTo } : {}),
    ...(input.note?.trim() ? { note: input.note.trim() } : {}),
  });
  return commit(ws, [...ws.registry, entry], { action: 'add', fingerprint: actual, entries: [entry] }, now, onDecision);
}

/**
 * Revoke a key from `date` on (today by default), for every country it is registered for or only
 * for `country`: bundles it signs bagged on or after that day are held. Revoking again keeps the
 * earlier date.
 */
export async function revokeKey(ws: Workspace, fingerprint: string, options: { date?: string; country?: string } = {}, now: Date = new Date(), onDecision?: (d: ImportDecision) => void): Promise<RegistryChange> {
  assertWritable(ws);
  const fp = FingerprintInputSchema.safeParse(fingerprint);
  if (!fp.success) throw new AppError('secretariat:errors.fingerprintInvalid', { value: oneLine(fingerprint) });
  const date = checkDate(options.date, '--date') ?? day(now);
  const country = options.country?.trim().toUpperCase();
  const targets = ws.registry.filter((k) => k.fingerprint === fp.data && (country === undefined || k.country === country));
  if (targets.length === 0) throw new AppError('secretariat:errors.keyNotRegistered', { fingerprint: fp.data });
  const changed = targets.filter((k) => k.revokedAt === undefined || k.revokedAt > date).map((k) => ({ ...k, revokedAt: date }));
  if (changed.length === 0) throw new AppError('secretariat:errors.alreadyRevoked', { fingerprint: fp.data, date: targets[0]?.revokedAt ?? date });
  const byKey = new Map(changed.map((k) => [entryKey(k), k]));
  const keys = ws.registry.map((k) => byKey.get(entryKey(k)) ?? k);
  return commit(ws, keys, { action: 'revoke', fingerprint: fp.data, date, entries: changed }, now, onDecision);
}

/**
 * Apply a key replacement statement (`key-replacement.json`, checked by `verifyReplacement`): for
 * every country where the old key was in force on the statement's day, the old entry ends that day
 * (`validTo`) and the new key is registered from that day, with the old entry's name and role.
 */
export async function applyReplacement(ws: Workspace, statementJson: unknown, now: Date = new Date(), onDecision?: (d: ImportDecision) => void): Promise<RegistryChange> {
  assertWritable(ws);
  const statement = verifyReplacement(statementJson);
  const on = statement.date.slice(0, 10);
  const old = ws.registry.filter((k) => k.fingerprint === statement.oldFingerprint && entryInForce(k, on));
  if (old.length === 0) throw new AppError('secretariat:errors.replacementOldNotRegistered', { fingerprint: statement.oldFingerprint, date: on });
  const pem = publicKeyPem(parsePublicKeyPem(statement.newPublicKeyPem));
  const changed: RegistryEntry[] = [];
  let keys = [...ws.registry];
  for (const entry of old) {
    if (!keys.some((k) => entryKey(k) === entryKey({ country: entry.country, fingerprint: statement.newFingerprint }))) {
      const { validTo: _end, revokedAt: _revoked, note: _note, ...kept } = entry;
      const added = RegistryEntrySchema.parse({ ...kept, fingerprint: statement.newFingerprint, publicKeyPem: pem, validFrom: on, note: `replaces ${statement.oldFingerprint}` });
      keys.push(added);
      changed.push(added);
    }
    if (entry.validTo === undefined || entry.validTo > on) {
      const ended = { ...entry, validTo: on };
      keys = keys.map((k) => (entryKey(k) === entryKey(entry) ? ended : k));
      changed.push(ended);
    }
  }
  if (changed.length === 0) throw new AppError('secretariat:errors.replacementAlreadyApplied', { fingerprint: statement.newFingerprint });
  return commit(ws, keys, { action: 'replace', fingerprint: statement.oldFingerprint, replacedBy: statement.newFingerprint, date: on, entries: changed }, now, onDecision);
}
