/**
 * The text files of a BagIt 1.0 bag (RFC 8493) as this app writes and reads them: `bagit.txt`,
 * `bag-info.txt` and the `<hex>  <path>` manifests. Writing is exact (LF line ends, UTF-8);
 * reading accepts what the RFC allows (CR, LF or CRLF; one or more spaces or tabs between hash
 * and path; percent-encoded CR, LF and %) and nothing more.
 */

import { oneLineText } from '../text/sanitize';

/** The one `bagit.txt` a bag of this app has, byte for byte. */
export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

/** bag-info.txt labels, in the order they are written. */
export const BAG_INFO_LABELS = [
  'Source-Organization',
  'Contact-Name',
  'Contact-Email',
  'Bagging-Date',
  'Payload-Oxum',
  'External-Identifier',
  'Country-Code',
  'Checklist-Id',
  'Checklist-Version',
  'Response-Language',
  'Submission-Revision',
  'Software',
] as const;
export type BagInfoLabel = (typeof BAG_INFO_LABELS)[number];
export type BagInfo = Partial<Record<BagInfoLabel, string>>;

/** Labels written only when the draft has them (who to contact); every other label is required. */
const OPTIONAL_BAG_INFO: readonly BagInfoLabel[] = ['Source-Organization', 'Contact-Name', 'Contact-Email'];

/** Labels a bag of this app must carry. */
export const REQUIRED_BAG_INFO: readonly BagInfoLabel[] = BAG_INFO_LABELS.filter((label) => !OPTIONAL_BAG_INFO.includes(label));

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** `Label: value` lines in the fixed order; empty values are left out. */
export function formatBagInfo(info: BagInfo): string {
  return BAG_INFO_LABELS.map((label) => [label, oneLineText(info[label] ?? '')] as const)
    .filter(([, v]) => v !== '')
    .map(([label, v]) => `${label}: ${v}\n`)
    .join('');
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problem: string };

/** Whether the bytes start with a UTF-8 byte order mark, which RFC 8493 forbids in tag files. */
export function startsWithBom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * The lines of a tag file; 'bom' when it starts with a byte order mark (`sha256sum -c` would take
 * it as part of the first hash and skip that line: the decoder, which drops a BOM silently, must
 * not be the one to decide), null when it is not UTF-8.
 */
function lines(bytes: Uint8Array): string[] | 'bom' | null {
  if (startsWithBom(bytes)) return 'bom';
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return null;
  }
  const split = text.split(/\r\n|\r|\n/);
  // A final line break leaves one empty string behind; a missing one is tolerated.
  if (split[split.length - 1] === '') split.pop();
  return split;
}

/**
 * Parse bag-info.txt: `Label: value`, continuation lines start with whitespace. Unknown labels are
 * kept out of the result (the RFC allows them) but a label of ours given twice is refused.
 */
export function parseBagInfo(bytes: Uint8Array): ParseResult<BagInfo> {
  const all = lines(bytes);
  if (all === 'bom') return { ok: false, problem: 'bom' };
  if (!all) return { ok: false, problem: 'encoding' };
  const info: BagInfo = {};
  const seen = new Set<string>();
  let last: string | null = null;
  for (const line of all) {
    if (/^[ \t]/.test(line) && last !== null) {
      if (seen.has(last) && (BAG_INFO_LABELS as readonly string[]).includes(last)) {
        const label = last as BagInfoLabel;
        info[label] = `${info[label] ?? ''} ${line.trim()}`;
      }
      continue;
    }
    const m = /^([A-Za-z0-9][A-Za-z0-9-]*)[ \t]*:[ \t]*(.*)$/.exec(line);
    if (!m) return { ok: false, problem: 'line' };
    const label = m[1] as string;
    if (seen.has(label)) return { ok: false, problem: `repeated ${label}` };
    seen.add(label);
    last = label;
    if ((BAG_INFO_LABELS as readonly string[]).includes(label)) info[label as BagInfoLabel] = (m[2] ?? '').trim();
  }
  return { ok: true, value: info };
}

/** Percent-encode what RFC 8493 asks to encode in manifest paths (CR, LF, %). */
export function encodeManifestPath(p: string): string {
  return p.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function decodeManifestPath(p: string): string {
  return p.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}

export interface ManifestLine {
  sha256: string;
  path: string;
}

/** `<hex>  <path>` lines, the form `sha256sum` writes and `sha256sum -c` checks. */
export function formatManifest(entries: readonly ManifestLine[]): string {
  return entries.map((e) => `${e.sha256}  ${encodeManifestPath(e.path)}\n`).join('');
}

/** Parse a SHA-256 manifest. Refuses malformed lines and a path listed twice. */
export function parseManifest(bytes: Uint8Array): ParseResult<ManifestLine[]> {
  const all = lines(bytes);
  if (all === 'bom') return { ok: false, problem: 'bom' };
  if (!all) return { ok: false, problem: 'encoding' };
  const out: ManifestLine[] = [];
  const seen = new Set<string>();
  for (const line of all) {
    const m = /^([0-9a-fA-F]{64})[ \t]+(\S.*)$/.exec(line);
    if (!m) return { ok: false, problem: 'line' };
    const p = decodeManifestPath(m[2] as string);
    if (seen.has(p)) return { ok: false, problem: `repeated ${p}` };
    seen.add(p);
    out.push({ sha256: (m[1] as string).toLowerCase(), path: p });
  }
  return { ok: true, value: out };
}
