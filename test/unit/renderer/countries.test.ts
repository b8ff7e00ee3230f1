// Country names are the official UN names (UNTERM short names), the same in every screen, the PDF
// and the command line: never CLDR's everyday names ("Russia", "Congo - Kinshasa", "Laos").
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../../core/i18n/languages';
import { UN_COUNTRIES, UN_MEMBER_STATES, alpha2Of, countryName, isMemberState, isUnCountry } from '../../../core/i18n/countries';
import { UN_COUNTRY_NAMES } from '../../../core/i18n/un-country-names';

/** Names a reader checks first: recent changes, long official forms, and the two observer States. */
const SENSITIVE: Record<string, Record<Language, string>> = {
  TUR: { ar: 'تركيا', zh: '土耳其', en: 'Türkiye', fr: 'Türkiye', ru: 'Турция', es: 'Türkiye' },
  CZE: { ar: 'تشيكيا', zh: '捷克', en: 'Czechia', fr: 'Tchéquie', ru: 'Чехия', es: 'Chequia' },
  SWZ: { ar: 'إسواتيني', zh: '斯威士兰', en: 'Eswatini', fr: 'Eswatini', ru: 'Эсватини', es: 'Eswatini' },
  MKD: { ar: 'مقدونيا الشمالية', zh: '北马其顿', en: 'North Macedonia', fr: 'Macédoine du Nord', ru: 'Северная Македония', es: 'Macedonia del Norte' },
  RUS: { ar: 'الاتحاد الروسي', zh: '俄罗斯联邦', en: 'Russian Federation', fr: 'Fédération de Russie', ru: 'Российская Федерация', es: 'Federación de Rusia' },
  COD: { ar: 'جمهورية الكونغو الديمقراطية', zh: '刚果民主共和国', en: 'Democratic Republic of the Congo', fr: 'République démocratique du Congo', ru: 'Демократическая Республика Конго', es: 'República Democrática del Congo' },
  LAO: { ar: 'جمهورية لاو الديمقراطية الشعبية', zh: '老挝人民民主共和国', en: "Lao People's Democratic Republic", fr: 'République démocratique populaire lao', ru: 'Лаосская Народно-Демократическая Республика', es: 'República Democrática Popular Lao' },
  KOR: { ar: 'جمهورية كوريا', zh: '大韩民国', en: 'Republic of Korea', fr: 'République de Corée', ru: 'Республика Корея', es: 'República de Corea' },
  PRK: { ar: 'جمهورية كوريا الشعبية الديمقراطية', zh: '朝鲜民主主义人民共和国', en: "Democratic People's Republic of Korea", fr: 'République populaire démocratique de Corée', ru: 'Корейская Народно-Демократическая Республика', es: 'República Popular Democrática de Corea' },
  IRN: { ar: 'إيران (جمهورية - الإسلامية)', zh: '伊朗伊斯兰共和国', en: 'Iran (Islamic Republic of)', fr: 'Iran (République islamique d’)', ru: 'Иран (Исламская Республика)', es: 'Irán (República Islámica del)' },
  BOL: { ar: 'بوليفيا (دولة - المتعددة القوميات)', zh: '多民族玻利维亚国', en: 'Bolivia (Plurinational State of)', fr: 'Bolivie (État plurinational de)', ru: 'Боливия (Многонациональное Государство)', es: 'Bolivia (Estado Plurinacional de)' },
  VEN: { ar: 'فنزويلا (جمهورية - البوليفارية)', zh: '委内瑞拉玻利瓦尔共和国', en: 'Venezuela (Bolivarian Republic of)', fr: 'Venezuela (République bolivarienne du)', ru: 'Венесуэла (Боливарианская Республика)', es: 'Venezuela (República Bolivariana de)' },
  TZA: { ar: 'جمهورية تنزانيا المتحدة', zh: '坦桑尼亚联合共和国', en: 'United Republic of Tanzania', fr: 'République-Unie de Tanzanie', ru: 'Объединенная Республика Танзания', es: 'República Unida de Tanzanía' },
  CIV: { ar: 'كوت ديفوار', zh: '科特迪瓦', en: "Côte d'Ivoire", fr: 'Côte d’Ivoire', ru: 'Кот-д’Ивуар', es: "Côte d'Ivoire" },
  VAT: { ar: 'الكرسي الرسولي', zh: '教廷', en: 'Holy See', fr: 'Saint-Siège', ru: 'Святой Престол', es: 'Santa Sede' },
  PSE: { ar: 'دولة فلسطين', zh: '巴勒斯坦国', en: 'State of Palestine', fr: 'État de Palestine', ru: 'Государство Палестина', es: 'Estado de Palestina' },
};

describe('UN countries', () => {
  it('are the 193 Member States and the 2 observer States, each with a distinct two-letter code', () => {
    expect(UN_MEMBER_STATES).toHaveLength(193);
    expect(UN_COUNTRIES).toHaveLength(195);
    expect(UN_COUNTRIES.filter((c) => !isMemberState(c))).toEqual(['PSE', 'VAT']);
    const alpha2 = UN_COUNTRIES.map((code) => alpha2Of(code));
    expect(new Set(alpha2).size).toBe(195);
    expect(alpha2.every((code) => code !== null && /^[A-Z]{2}$/.test(code))).toBe(true);
  });

  it('all have six non-empty names, and the name table holds exactly these countries', () => {
    expect(Object.keys(UN_COUNTRY_NAMES).sort()).toEqual([...UN_COUNTRIES]);
    for (const code of UN_COUNTRIES) {
      for (const lng of LANGUAGES) {
        const name = countryName(code, lng);
        expect(name.trim(), `${code} in ${lng}`).not.toBe('');
        expect(name, `${code} in ${lng}`).not.toBe(code);
        expect(name, `${code} in ${lng}`).toBe(name.trim());
      }
    }
  });

  it.each(Object.keys(SENSITIVE).map((code) => [code]))('%s carries its official UN name in each of the six languages', (code) => {
    for (const lng of LANGUAGES) expect(countryName(code, lng), lng).toBe(SENSITIVE[code]?.[lng]);
  });

  it('are not CLDR’s everyday names', () => {
    expect(countryName('RUS', 'en')).not.toBe(new Intl.DisplayNames(['en'], { type: 'region' }).of('RU'));
    expect(countryName('LAO', 'fr')).not.toBe(new Intl.DisplayNames(['fr'], { type: 'region' }).of('LA'));
    expect(countryName('NLD', 'en')).toBe('Netherlands (Kingdom of the)');
  });

  it('follow a regional tag to its language, and give English for a language other than the six', () => {
    expect(countryName('CZE', 'fr-CA')).toBe('Tchéquie');
    expect(countryName('CZE', 'zh-Hans-CN')).toBe('捷克');
    expect(countryName('CZE', 'de')).toBe('Czechia');
  });

  it('leave an unknown code as it is', () => {
    expect(isUnCountry('XKX')).toBe(false);
    expect(isMemberState('VAT')).toBe(false);
    expect(isUnCountry('VAT')).toBe(true);
    expect(countryName('XKX', 'en')).toBe('XKX');
    expect(countryName('XXX', 'fr')).toBe('XXX');
    expect(countryName('toString', 'en')).toBe('toString');
  });
});
