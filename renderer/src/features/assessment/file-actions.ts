import type { PortableCopy } from '../../../../core/api/contract';

/**
 * Offer a portable copy as a download. In a browser it lands in Downloads; in Electron the same
 * `<a download>` opens the system's save dialog. The object URL is released once the click is handled.
 */
export function downloadCopy(copy: PortableCopy, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([copy.text], { type: 'application/json' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = copy.fileName;
  link.rel = 'noopener';
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
