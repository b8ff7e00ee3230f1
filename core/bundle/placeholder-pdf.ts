import PDFDocument from 'pdfkit';
import { PRODUCT_NAME, APP_VERSION } from '../version';
import type { Draft } from '../draft/schema';
import type { PdfStamp } from './export';

/**
 * A one-page stand-in for `data/report.pdf`, used by `scsa export` until the full report can be
 * rendered from a draft. It says plainly that it is a placeholder, and carries the facts the real
 * report must show (status, External-Identifier, signer fingerprint) so the bundle stays coherent.
 * Latin-1 text only: the standard PDF font needs no embedded font file.
 */
export async function renderPlaceholderReport(draft: Draft, stamp: PdfStamp): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: 'Placeholder report (full report not yet available)', Creator: `${PRODUCT_NAME} ${APP_VERSION}` },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(18).text('PLACEHOLDER REPORT');
  doc.moveDown(0.5).font('Helvetica').fontSize(11);
  doc.text('The full PDF report is not yet available in this version of the application. The answers of this submission are in data/submission.json in the same bundle.');
  doc.moveDown();
  const lines: [string, string][] = [
    ['Status', stamp.status],
    ['Country', draft.assessment.countryCode],
    ['Checklist', `${draft.checklist.id} ${draft.checklist.version}`],
    ['Response language', draft.assessment.responseLanguage],
    ['Draft revision', String(draft.revision)],
    ['External-Identifier', stamp.externalIdentifier],
    ['Signer fingerprint', stamp.signerFingerprint],
  ];
  for (const [label, value] of lines) doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Courier').text(value);
  doc.end();
  return done;
}
