import path from 'node:path';
import { safeFileName } from '../text/sanitize';

export { safeFileName };

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
