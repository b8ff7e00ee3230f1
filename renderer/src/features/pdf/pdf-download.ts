import type { PdfJobResult as PdfResult } from '../../../../core/api/contract';
import { base64ToBytes, downloadBlob } from '../../ui/download';

/** The report's bytes (base64 over the API) as a PDF Blob. */
export function pdfBlob(result: PdfResult): Blob {
  return new Blob([base64ToBytes(result.base64)], { type: 'application/pdf' });
}

/**
 * Hand the PDF to the browser as a download. The web host's browser saves it to Downloads; Electron
 * asks where to save it and then opens it in the system viewer (electron/main/downloads.ts).
 */
export function downloadPdf(result: PdfResult, doc: Document = document): void {
  downloadBlob(pdfBlob(result), result.fileName, doc);
}
