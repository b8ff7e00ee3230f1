/** Which parts of a right-to-left paragraph are laid out as left-to-right units, and which are not. */
import { describe, expect, it } from 'vitest';
import { ltrTokens, mayReorderTokens } from '../../../core/pdf/text/isolate';

const tokens = (text: string): string[] => ltrTokens(text).map((s) => text.slice(s.start, s.end));

describe('tokens kept left to right', () => {
  it('finds telephone numbers, addresses, URLs and codes, without the punctuation that ends the sentence', () => {
    expect(tokens('اتصلوا على +212 5 37 00 00 00 أو (+212) 537-000 أو +212 (0) 5 37.')).toEqual(['+212 5 37 00 00 00', '(+212) 537-000', '+212 (0) 5 37']);
    expect(tokens('البريد contact@example.org، والموقع https://example.org/safety/.')).toEqual(['contact@example.org', 'https://example.org/safety/']);
    expect(tokens('انظر (https://example.org/Safety_(2024)) وwww.example.org')).toEqual(['https://example.org/Safety_(2024)', 'www.example.org']);
    expect(tokens('مؤشر SDG 11.7.2 والرمز 12-AB-34 والملف 214.pdf ولكل 100 000 نسمة')).toEqual(['SDG 11.7.2', '12-AB-34', '214.pdf', '100 000']);
  });

  it('leaves alone what the bidi algorithm already keeps whole, and never splits a pair of brackets', () => {
    expect(tokens('في 2024 من 11.7.2 و 2021-2023 و 14/04/2026 و 52% (2021 - 2023)')).toEqual([]);
    expect(tokens('242.5 كيلوبايت (248,311 بايت)')).toEqual([]);
    expect(tokens('القرار (رقم 214)')).toEqual([]);
  });

  it('looks only where a number or code can be reordered', () => {
    expect(mayReorderTokens('Call +212 5 37 00 00 00', 'ltr')).toBe(false);
    expect(mayReorderTokens('Call Layla (ليلى) +212 5 37', 'ltr')).toBe(true);
    expect(mayReorderTokens('Total \u200F1 2 3', 'ltr')).toBe(true);
    expect(mayReorderTokens('الهاتف +212 5 37', 'rtl')).toBe(true);
    expect(mayReorderTokens('نص بلا أرقام', 'rtl')).toBe(false);
  });
});
