/** Thin wrappers around poppler and qpdf, used as independent readers of the PDFs we write. */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { LANGUAGES, type Language } from '../../../core/i18n/languages';
import { ReportModelSchema, type ReportModel } from '../../../core/pdf/report-model';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/pdf');

export function loadModel(language: Language): ReportModel {
  const raw: unknown = JSON.parse(fs.readFileSync(path.join(FIXTURES, `model-${language}.json`), 'utf8'));
  return ReportModelSchema.parse(raw);
}

export const ALL_LANGUAGES = LANGUAGES;

export function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

/** qpdf exits 0 when clean and 3 for warnings; both are reported, only 0 passes. */
export function qpdfCheck(file: string): { status: number | null; output: string } {
  const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  return { status: r.status, output: r.stdout + r.stderr };
}

export interface FontRow {
  name: string;
  embedded: boolean;
  subset: boolean;
}

export function pdffonts(file: string): FontRow[] {
  const lines = run('pdffonts', [file]).split('\n').slice(2).filter((l) => l.trim() !== '');
  return lines.map((line) => {
    // columns: name type encoding emb sub uni object ID; name has no spaces in our files
    const cols = line.trim().split(/\s+/);
    const n = cols.length;
    return { name: cols[0] ?? '', embedded: cols[n - 5] === 'yes', subset: cols[n - 4] === 'yes' };
  });
}

export function pdftotext(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return run('pdftotext', ['-enc', 'UTF-8', ...range, file, '-']);
}

export interface OutlineNode {
  title: string;
  page: number;
  kids: OutlineNode[];
}

interface QpdfOutline {
  title: string;
  destpageposfrom1: number;
  kids: QpdfOutline[];
}

export function outline(file: string): OutlineNode[] {
  const json = JSON.parse(run('qpdf', ['--json', '--json-key=outlines', file])) as { outlines: QpdfOutline[] };
  const map = (o: QpdfOutline): OutlineNode => ({ title: o.title, page: o.destpageposfrom1, kids: o.kids.map(map) });
  return json.outlines.map(map);
}

type QpdfObjects = { qpdf: [unknown, Record<string, { value: Record<string, unknown> }>] };

function qpdfObject(file: string, id: string): Record<string, unknown> {
  const json = JSON.parse(run('qpdf', ['--json', `--json-object=${id}`, '--json-key=qpdf', file])) as QpdfObjects;
  return Object.values(json.qpdf[1])[0]?.value ?? {};
}

/** The document catalog as qpdf sees it (for /Lang, /MarkInfo, /StructTreeRoot). */
export function catalog(file: string): Record<string, unknown> {
  const root = String(qpdfObject(file, 'trailer')['/Root'] ?? '');
  return qpdfObject(file, root.split(' ')[0] ?? '');
}

export function pageCount(file: string): number {
  const match = /Pages:\s+(\d+)/.exec(run('pdfinfo', [file]));
  return Number(match?.[1] ?? 0);
}

/** Grey image of one page at 50 dpi as raw PGM bytes (P5). */
export function renderGray(file: string, page: number): Buffer {
  return execFileSync('pdftoppm', ['-r', '50', '-gray', '-f', String(page), '-l', String(page), file], { maxBuffer: 64 * 1024 * 1024 });
}

export interface Gray {
  width: number;
  height: number;
  pixels: Uint8Array;
}

export function parsePgm(data: Buffer): Gray {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: new Uint8Array(data.subarray(header[0].length, header[0].length + width * height)) };
}

export function readReference(file: string): Gray | null {
  if (!fs.existsSync(file)) return null;
  return parsePgm(gunzipSync(fs.readFileSync(file)));
}

/** Mean absolute difference of two grey images, 0–255; Infinity when sizes differ. */
export function meanDifference(a: Gray, b: Gray): number {
  if (a.width !== b.width || a.height !== b.height) return Infinity;
  let sum = 0;
  for (let i = 0; i < a.pixels.length; i++) sum += Math.abs((a.pixels[i] ?? 0) - (b.pixels[i] ?? 0));
  return sum / a.pixels.length;
}

export function isLanguage(l: string): l is Language {
  return (LANGUAGES as readonly string[]).includes(l);
}

export interface Word {
  text: string;
  xMin: number;
  xMax: number;
}

export interface TextLine {
  yMin: number;
  yMax: number;
  words: Word[];
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Every page's lines of text with their positions (`pdftotext -bbox-layout`), top to bottom. */
export function pageLines(file: string): TextLine[][] {
  const xml = run('pdftotext', ['-bbox-layout', file, '-']);
  return xml.split('<page ').slice(1).map((page) => {
    const lines: TextLine[] = [];
    for (const m of page.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const words = [...(m[3] ?? '').matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((w) => ({
        text: unescapeXml(w[3] ?? ''),
        xMin: Number(w[1]),
        xMax: Number(w[2]),
      }));
      lines.push({ yMin: Number(m[1]), yMax: Number(m[2]), words });
    }
    return lines.sort((a, b) => a.yMax - b.yMax);
  });
}
