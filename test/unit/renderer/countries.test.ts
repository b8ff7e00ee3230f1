import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../core/i18n/languages';
import { UN_MEMBER_STATES, alpha2Of, countryName, isMemberState } from '../../../core/i18n/countries';

describe('UN Member States', () => {
  it('are the 193, each with a distinct two-letter code', () => {
    expect(UN_MEMBER_STATES).toHaveLength(193);
    const alpha2 = UN_MEMBER_STATES.map((code) => alpha2Of(code));
    expect(new Set(alpha2).size).toBe(193);
    expect(alpha2.every((code) => code !== null && /^[A-Z]{2}$/.test(code))).toBe(true);
  });

  it('have a name in each of the six languages from the platform, not the bare code', () => {
    for (const lng of LANGUAGES) {
      const unnamed = UN_MEMBER_STATES.filter((code) => {
        const name = countryName(code, lng);
        return name === code || name === alpha2Of(code);
      });
      expect(unnamed, `no ${lng} name for`).toEqual([]);
    }
  });

  it('are named in the reader’s language', () => {
    expect(countryName('CHN', 'zh')).toBe('中国');
    expect(countryName('DEU', 'fr')).toBe('Allemagne');
    expect(countryName('EGY', 'ar')).toBe('مصر');
    expect(countryName('RUS', 'ru')).toBe('Россия');
  });

  it('leave an unknown or non-member code as it is', () => {
    expect(isMemberState('XKX')).toBe(false);
    expect(countryName('XKX', 'en')).toBe('XKX');
    expect(countryName('toString', 'en')).toBe('toString');
  });
});
