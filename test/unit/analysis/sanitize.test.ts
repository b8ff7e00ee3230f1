// Text from submissions on its way into cells and CSV fields.
import { describe, expect, it } from 'vitest';
import { cleanText, csvField, MAX_CELL_CHARS } from '../../../core/analysis/sanitize';
import { sheetName } from '../../../core/analysis/xlsx';

describe('csvField', () => {
  it('defuses every start a spreadsheet reads as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t']) expect(csvField(`${start}1+1`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvField('1+1')).toBe('1+1');
  });

  it('quotes as RFC 4180 says, and writes numbers as numbers', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(-3.5)).toBe('-3.5');
    expect(csvField(null)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });
});

describe('cleanText', () => {
  it('drops characters XML cannot hold and direction overrides, keeps line breaks and tabs', () => {
    expect(cleanText('a\u0000b\u0008c\u000Bd\u001Fe\uFFFF')).toBe('abcde');
    expect(cleanText('plan\u202Efdp.exe')).toBe('planfdp.exe');
    expect(cleanText('x\r\ny\rz\tw')).toBe('x\ny\nz\tw');
    expect(cleanText('lone \uDC00 and \uD83D\uDE00')).toBe('lone \uFFFD and \uD83D\uDE00');
  });

  it('cuts text longer than a cell holds, without splitting a character', () => {
    const long = '😀'.repeat(MAX_CELL_CHARS);
    const cut = cleanText(long);
    expect(cut.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(cut.endsWith('😀…')).toBe(true);
  });
});

describe('sheetName', () => {
  it('gives names Excel accepts: at most 31 characters, no forbidden character, unique', () => {
    const used = new Set<string>();
    const a = sheetName('C.2 Cities with a safety strategy or action plan', used);
    const b = sheetName('C.2 Cities with a safety strategy or action plan', used);
    expect(a).toBe('C.2 Cities with a safety strate');
    expect(Array.from(a).length).toBeLessThanOrEqual(31);
    expect(b).not.toBe(a);
    expect(Array.from(b).length).toBeLessThanOrEqual(31);
    expect(sheetName("'a/b:c*d?[e]'", used)).toBe('a b c d e');
  });
});
