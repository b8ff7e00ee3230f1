/**
 * Wraps one bidi paragraph in LOGICAL order at UAX 14 break opportunities (the `linebreak`
 * package). Visual reordering happens later, per line, so wrapping never depends on direction.
 */
import LineBreaker from 'linebreak';

/** Width in points of the logical range [start, end). */
export type RangeMeasure = (start: number, end: number) => number;

export interface LogicalLine {
  start: number;
  /** Exclusive end, trailing white space excluded. */
  end: number;
  /** Sum of the widths of the line's segments, trailing white space excluded. */
  width: number;
  /** The line was broken at white space (drawn invisibly so extracted and read-aloud text keeps the word gap). */
  spaceAfter?: boolean;
}

const SPACE = /\s/u;
const LONGEST_MEASURED = 1000;

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && SPACE.test(text.charAt(e - 1))) e--;
  return e;
}

/** Breaks between code points of a segment too long for a line (a URL, a hash, a long number). */
function splitLong(text: string, start: number, end: number, maxWidth: number, measure: RangeMeasure): LogicalLine[] {
  const lines: LogicalLine[] = [];
  let lineStart = start;
  let width = 0; // running sum of single-character widths: one cached measure per character
  let i = start;
  while (i < end) {
    const step = (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    const w = measure(i, i + step);
    if (i > lineStart && width + w > maxWidth) {
      lines.push({ start: lineStart, end: i, width });
      lineStart = i;
      width = 0;
    }
    width += w;
    i += step;
  }
  if (lineStart < end) lines.push({ start: lineStart, end, width });
  return lines;
}

/** Whether no line may break at `position` (inside a telephone number, say). */
export type NoBreak = (position: number) => boolean;

export function wrapLogical(text: string, maxWidth: number, measure: RangeMeasure, noBreak?: NoBreak): LogicalLine[] {
  if (text.length === 0) return [{ start: 0, end: 0, width: 0 }];
  const lines: LogicalLine[] = [];
  const breaker = new LineBreaker(text);
  let lineStart = 0;
  let lineEnd = 0; // end of the last segment on the line, trailing spaces included
  let lineWidth = 0; // width up to lineEnd, trailing spaces included
  let visible = 0; // width up to the last segment's visible end: the sum of measured segments, not measured again
  const flush = (): void => {
    const end = trimEnd(text, lineStart, lineEnd);
    lines.push({ start: lineStart, end, width: visible, spaceAfter: end < lineEnd && lineEnd < text.length });
  };
  let last = 0;
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    // a break opportunity inside a kept token joins the two segments around it
    if (noBreak && !bk.required && bk.position < text.length && noBreak(bk.position)) continue;
    const segStart = last;
    const segEnd = bk.position;
    last = segEnd;
    const visibleEnd = trimEnd(text, segStart, segEnd);
    // A segment of thousands of characters cannot fit any line; shaping it whole would cost seconds.
    const visibleWidth = visibleEnd - segStart > LONGEST_MEASURED ? Infinity : measure(segStart, visibleEnd);
    if (lineEnd > lineStart && lineWidth + visibleWidth > maxWidth) {
      flush();
      lineStart = segStart;
      lineEnd = segStart;
      lineWidth = 0;
      visible = 0;
    }
    if (lineEnd === lineStart && visibleWidth > maxWidth) {
      const pieces = splitLong(text, segStart, visibleEnd, maxWidth, measure);
      const tail = pieces.pop();
      lines.push(...pieces);
      lineStart = tail ? tail.start : segStart;
      lineWidth = tail ? tail.width : 0;
      visible = lineWidth;
      lineEnd = segEnd;
      lineWidth += measure(visibleEnd, segEnd);
    } else {
      if (visibleEnd > segStart) visible = lineWidth + visibleWidth;
      lineWidth += visibleWidth + measure(visibleEnd, segEnd);
      lineEnd = segEnd;
    }
    if (bk.required && segEnd < text.length) {
      flush();
      lineStart = segEnd;
      lineEnd = segEnd;
      lineWidth = 0;
      visible = 0;
    }
  }
  if (lineEnd > lineStart || lines.length === 0) flush();
  return lines;
}
