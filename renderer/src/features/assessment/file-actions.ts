import type { PortableCopy } from '../../../../core/api/contract';
import { downloadBlob } from '../../ui/download';

/**
 * Offer a portable copy as a download. In a browser it lands in Downloads; in Electron the same
 * `<a download>` opens the system's save dialog.
 */
export function downloadCopy(copy: PortableCopy, doc: Document = document): void {
  downloadBlob(new Blob([copy.text], { type: 'application/json' }), copy.fileName, doc);
}
