import path from 'node:path';
import { isReservedDeviceName } from './entry-names';

/** Payload paths inside the bag (relative to its top folder). */
export const PAYLOAD = {
  submission: 'data/submission.json',
  report: 'data/report.pdf',
  attachmentsDir: 'data/attachments/',
} as const;

export const TAG_FILES = {
  bagit: 'bagit.txt',
  bagInfo: 'bag-info.txt',
  manifest: 'manifest-sha256.txt',
  tagManifest: 'tagmanifest-sha256.txt',
} as const;

export const SIGNATURES_DIR = 'signatures/';

/** Longest attachment name kept in a bag path, in UTF-8 bytes (zip tools and file systems cope with far more). */
const MAX_NAME_BYTES = 120;

/**
 * A file name that survives every zip tool, file system and `sha256sum -c` line: letters and digits
 * of any script, `.`, `-`, `_`; everything else (spaces, slashes, control and bidi characters,
 * quotes) becomes `_`. No leading dot, never empty, never a Windows device name (`CON`, `aux.txt`),
 * at most 120 UTF-8 bytes, extension kept.
 */
export function safeFileName(name: string): string {
  let safe = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}._-]+/gu, '_')
    .replace(/_+/g, '_')
    .replace(/^[._]+/, '')
    // Windows drops a trailing dot: the name in the bag must extract as itself everywhere.
    .replace(/\.+$/, '');
  if (safe === '' || /^\.+$/.test(safe)) safe = 'file';
  // A Windows device name (`CON`, `aux.txt`) is no file there, whatever its extension.
  if (isReservedDeviceName(safe)) safe = `_${safe}`;
  if (Buffer.byteLength(safe) <= MAX_NAME_BYTES) return safe;
  const ext = path.extname(safe).slice(0, 16);
  let stem = safe.slice(0, safe.length - ext.length);
  while (Buffer.byteLength(stem + ext) > MAX_NAME_BYTES) stem = [...stem].slice(0, -1).join('');
  return stem + ext;
}

/** `data/attachments/<sha256>-<safe name>`: unique by hash, readable by name. */
export function attachmentBagPath(sha256: string, name: string): string {
  return `${PAYLOAD.attachmentsDir}${sha256}-${safeFileName(name)}`;
}

const token = (s: string) => s.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '') || 'x';

/** `<ISO3>_<checklist-id>_v<version>_r<revision>_<YYYY-MM-DD>.zip` */
export function bundleFileName(p: { country: string; checklistId: string; checklistVersion: string; revision: number; date: string }): string {
  return `${token(p.country)}_${token(p.checklistId)}_v${token(p.checklistVersion)}_r${p.revision}_${p.date}.zip`;
}

// Formats that are compressed already: deflating them costs time and gains nothing.
const STORED_EXTENSIONS = new Set([
  '.jpg', '.jpeg', '.png', '.gif', '.webp', '.heic', '.avif', '.tif', '.tiff',
  '.mp3', '.m4a', '.aac', '.ogg', '.opus', '.mp4', '.m4v', '.mov', '.avi', '.mkv', '.webm',
  '.zip', '.gz', '.tgz', '.bz2', '.xz', '.7z', '.rar', '.zst',
  '.docx', '.xlsx', '.pptx', '.odt', '.ods', '.odp', '.epub', '.pdf',
]);
const STORED_MEDIA = /^(image\/(jpeg|png|gif|webp|heic|avif)|audio\/|video\/|application\/(zip|gzip|x-7z-compressed|vnd\.rar|x-rar-compressed|x-xz|zstd|pdf|vnd\.openxmlformats|vnd\.oasis\.opendocument|epub))/;

/** Whether a file should be stored rather than deflated in the zip. */
export function isIncompressible(name: string, mediaType: string): boolean {
  return STORED_EXTENSIONS.has(path.extname(name).toLowerCase()) || STORED_MEDIA.test(mediaType.toLowerCase());
}
