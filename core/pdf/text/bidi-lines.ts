/**
 * Bidi for one paragraph (bidi-js): embedding levels once per paragraph, then for each wrapped
 * line the visual order (getReorderSegments, which applies rule L1), mirrored brackets
 * (getMirroredCharactersMap with the `levels` array itself) and runs of one level and one face.
 */
import bidiFactory, { type EmbeddingLevels } from 'bidi-js';
import { BIDI_CONTROL } from './font-runs';

export type Direction = 'ltr' | 'rtl' | 'auto';

const bidi = bidiFactory();
export const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

export interface ParagraphBidi {
  levels: EmbeddingLevels;
  /** 0 for a left-to-right paragraph, 1 for right-to-left. */
  baseLevel: number;
}

export function paragraphBidi(text: string, direction: Direction): ParagraphBidi {
  const levels = bidi.getEmbeddingLevels(text, direction);
  const baseLevel = levels.paragraphs[0]?.level ?? (direction === 'rtl' ? 1 : 0);
  return { levels, baseLevel: baseLevel % 2 };
}

/** A piece of one line, in visual order, ready to hand to pdfkit. */
export interface VisualPiece {
  /** The string to pass to pdfkit: pre-reversed where fontkit would reverse it again. */
  text: string;
  face: number;
  /** Logical index of the run's first character: content is written in this order. */
  start: number;
}

function reverseCodePoints(s: string): string {
  return Array.from(s).reverse().join('');
}

/** Visual order of the logical line [start, end) as runs of one level, one face, contiguous logically. */
export function visualPieces(text: string, para: ParagraphBidi, faces: Uint8Array, start: number, end: number): VisualPiece[] {
  if (end <= start) return [];
  const order: number[] = [];
  for (let i = start; i < end; i++) order.push(i);
  for (const [s, e] of bidi.getReorderSegments(text, para.levels, start, end - 1)) {
    if (s === undefined || e === undefined) continue;
    const flipped = order.slice(s - start, e - start + 1).reverse();
    order.splice(s - start, flipped.length, ...flipped);
  }
  const mirrors = bidi.getMirroredCharactersMap(text, para.levels.levels, start, end - 1);
  const levels = para.levels.levels;
  const pieces: VisualPiece[] = [];
  let k = 0;
  while (k < order.length) {
    const first = order[k] as number;
    const level = levels[first] ?? 0;
    const face = faces[first] ?? 0;
    const step = level % 2 === 1 ? -1 : 1;
    let prev = first;
    let j = k + 1;
    while (j < order.length) {
      const idx = order[j] as number;
      if (idx !== prev + step || levels[idx] !== level || faces[idx] !== face) break;
      prev = idx;
      j++;
    }
    const lo = Math.min(first, prev);
    const hi = Math.max(first, prev);
    let logical = '';
    for (let i = lo; i <= hi; i++) {
      const ch = mirrors.get(i) ?? text.charAt(i);
      if (!BIDI_CONTROL.test(ch)) logical += ch;
    }
    if (logical.length > 0) {
      // fontkit reverses a whole run whose script is right-to-left; we want visual order out.
      const fontkitReverses = RTL_SCRIPT.test(logical);
      const odd = level % 2 === 1;
      pieces.push({ text: odd !== fontkitReverses ? reverseCodePoints(logical) : logical, face, start: lo });
    }
    k = j;
  }
  return pieces;
}
