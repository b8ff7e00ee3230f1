/** Bytes across the API boundary (base64) to the user's files, and downloads of addresses the app serves. */

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Hand a Blob to the browser (or Electron's save dialog) as a download through a temporary link. */
export function downloadBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  downloadUrl(url, fileName, doc);
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Start a download of an address the app serves (a kept bundle), under `fileName`, through a temporary link. */
export function downloadUrl(url: string, fileName: string, doc: Document = document): void {
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  doc.body.append(link);
  link.click();
  link.remove();
}
