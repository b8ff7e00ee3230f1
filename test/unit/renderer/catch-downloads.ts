import { vi } from 'vitest';

/**
 * Catch the temporary download links the renderer clicks instead of letting happy-dom follow them:
 * the blobs handed to `URL.createObjectURL` (each given the address `url`), the links clicked, and
 * their file names. Undone by `vi.restoreAllMocks()`.
 */
export function catchDownloads(url = 'blob:x') {
  const blobs: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    blobs.push(b as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  const clicked: HTMLAnchorElement[] = [];
  const names: string[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this);
    names.push(this.download);
  });
  return { blobs, clicked, names };
}
