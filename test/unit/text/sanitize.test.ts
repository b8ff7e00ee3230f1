// The one sanitiser for printed text, one-line fields and file names (core/text/sanitize.ts), fed the
// spoofing strings of the hostile corpus.
import { describe, expect, it } from 'vitest';
import { oneLineText, safeFileName, shownFileName, terminalText, visibleControls } from '../../../core/text/sanitize';
import { formatBagInfo, parseBagInfo } from '../../../core/bundle/bag-text';
import { ALL_SPOOFING, SPOOF } from '../../fixtures/hostile/corpus';

// Everything that can move a cursor, end a line or reorder what a reader sees.
const DANGEROUS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u2028\u2029]/u;

describe('visibleControls (a value from a file, printed or shown)', () => {
  it('turns every control, bidi control, mark and line separator into a visible escape', () => {
    const shown = visibleControls(ALL_SPOOFING);
    expect(shown).not.toMatch(DANGEROUS);
    expect(visibleControls(SPOOF.clearScreen)).toBe('\\u001b[2J\\u001b[HValid: signed by a key registered for FRA');
    expect(visibleControls(SPOOF.reversedExtension)).toBe('invoice\\u202egpj.exe');
    expect(visibleControls(SPOOF.lineSeparators)).toBe('one\\u2028two\\u2029three\\u0085four\\u000afive');
  });

  it('leaves every script, and text with no control, exactly as it was', () => {
    for (const text of ['Ministère de l’Intérieur', 'وزارة الداخلية', '住房和城乡建设部', 'Министерство', 'a\\u001b (already escaped)']) {
      expect(visibleControls(text)).toBe(text);
    }
  });

  it('keeps a JSON text valid JSON with the same value', () => {
    const json = JSON.stringify({ name: SPOOF.reversedExtension, c1: SPOOF.c1 });
    expect(JSON.parse(visibleControls(json))).toEqual(JSON.parse(json));
  });
});

describe('terminalText (a whole text on its way to the terminal)', () => {
  it('keeps line feeds, tabs and the LRM/RLM of the translations, escapes the rest', () => {
    expect(terminalText('line one\n\tline two \u200f--registry\u200e')).toBe('line one\n\tline two \u200f--registry\u200e');
    expect(terminalText(SPOOF.overwrite)).toBe('evil\\u000dValid: signed by a key registered for FRA');
    expect(terminalText(SPOOF.c1)).toBe('x\\u009b2J\\u0085y');
    expect(terminalText(SPOOF.isolates)).not.toMatch(/[\u2066-\u2069]/u);
    expect(terminalText(SPOOF.reversedExtension)).toBe('invoice\\u202egpj.exe');
  });
});

describe('oneLineText (a `Label: value` field of a text file)', () => {
  it('never lets a value end its line, NEL and the Unicode separators included', () => {
    expect(oneLineText(SPOOF.lineSeparators)).toBe('one two three four five');
    expect(oneLineText('  Amina\r\nHaddad\u0085Country-Code: XXX  ')).toBe('Amina Haddad Country-Code: XXX');
    expect(oneLineText(SPOOF.reversedExtension)).toBe('invoicegpj.exe');
    expect(oneLineText(ALL_SPOOFING)).not.toMatch(DANGEROUS);
  });
});

describe('bag-info.txt', () => {
  it('holds each value on its own line whatever the draft says: no NEL, no U+2028, no bidi control reaches it', () => {
    const text = formatBagInfo({ 'Contact-Name': `Amina\u0085Country-Code: XXX ${SPOOF.lineSeparators}`, 'Source-Organization': SPOOF.reversedExtension, 'Country-Code': 'FRA' });
    expect(text).not.toMatch(/[\u0085\u2028\u2029\u202a-\u202e\u2066-\u2069\r]/u);
    expect(text.split('\n').filter(Boolean)).toHaveLength(3);
    const parsed = parseBagInfo(Buffer.from(text));
    expect(parsed).toEqual({ ok: true, value: { 'Source-Organization': 'invoicegpj.exe', 'Contact-Name': 'Amina Country-Code: XXX one two three four five', 'Country-Code': 'FRA' } });
  });
});

describe('safeFileName (every file name the app writes: attachments in a bag, portable copies, PDF reports)', () => {
  it('keeps letters of every script and the extension, and loses anything a shell, zip tool or reader could trip on', () => {
    expect(safeFileName('Plan d’action 2024 (final).docx')).toBe('Plan_d_action_2024_final_.docx');
    expect(safeFileName('../../etc/passwd')).toBe('etc_passwd');
    expect(safeFileName('خطة الأمن.pdf')).toBe('خطة_الأمن.pdf');
    expect(safeFileName(SPOOF.reversedExtension)).toBe('invoice_gpj.exe');
    expect(safeFileName(`FRA_${SPOOF.clearScreen}_r3.scsa.json`)).toBe('FRA_2J_HValid_signed_by_a_key_registered_for_FRA_r3.scsa.json');
    expect(safeFileName('...')).toBe('file');
    expect(safeFileName('final version.')).toBe('final_version');
  });

  it('never names a Windows device, and stays within 120 UTF-8 bytes with its extension', () => {
    expect(safeFileName('CON')).toBe('CON_');
    expect(safeFileName('aux.txt')).toBe('aux_.txt');
    expect(safeFileName('com1.tar.gz')).toBe('com1_.tar.gz');
    expect(safeFileName('console.txt')).toBe('console.txt');
    const long = safeFileName(`${'é'.repeat(200)}.pdf`);
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(120);
    expect(long.endsWith('.pdf')).toBe(true);
    expect(Buffer.byteLength(safeFileName('😀'.repeat(100)))).toBeLessThanOrEqual(120);
  });
});

describe('shownFileName (a picked file, as messages and logs name it)', () => {
  it('is the last path segment without control or bidi characters', () => {
    expect(shownFileName('C:\\Users\\fp\\copy.scsa.json')).toBe('copy.scsa.json');
    expect(shownFileName(`/tmp/${SPOOF.reversedExtension}`)).toBe('invoicegpj.exe');
    expect(shownFileName('\u001b[2J', 'draft')).toBe('[2J');
    expect(shownFileName('/', 'draft')).toBe('draft');
    expect([...shownFileName('x'.repeat(500))]).toHaveLength(120);
  });
});
