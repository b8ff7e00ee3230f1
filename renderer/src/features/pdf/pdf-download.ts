import type { PdfResult } from '../../../../core/api/contract';

/** The report's bytes (base64 over the API) as a PDF Blob. */
export function pdfBlob(result: PdfResult): Blob {
  const binary = atob(result.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: 'application/pdf' });
}

/**
 * Hand the PDF to the browser as a download through a temporary `<a download>`. The web host's
 * browser saves it to Downloads; Electron asks where to save it and then opens it in the system
 * viewer (electron/main/downloads.ts).
 */
export function downloadPdf(result: PdfResult, doc: Document = document): void {
  const url = URL.createObjectURL(pdfBlob(result));
  const link = doc.createElement('a');
  link.href = url;
  link.download = result.fileName;
  link.rel = 'noopener';
  doc.body.append(link);
  link.click();
  link.remove();
  // Released after the click has been handled, not before the download has started.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
