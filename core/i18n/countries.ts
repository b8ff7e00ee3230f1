/**
 * The countries an assessment can be for: the 193 Member States of the United Nations and the two
 * non-member observer States, by ISO 3166-1 alpha-3 code (the code of a draft's `countryCode` and of
 * the bundle's `Country-Code`), with their alpha-2 code. Their names are the official UN names of
 * `un-country-names.ts`, never the platform's CLDR names.
 * Pure data and pure functions: safe for the renderer, the core and the command line alike.
 */
import { isLanguage, type Language } from './languages';
import { UN_COUNTRY_NAMES } from './un-country-names';

const ALPHA3_TO_ALPHA2 = {
  AFG: 'AF', ALB: 'AL', DZA: 'DZ', AND: 'AD', AGO: 'AO', ATG: 'AG', ARG: 'AR', ARM: 'AM', AUS: 'AU',
  AUT: 'AT', AZE: 'AZ', BHS: 'BS', BHR: 'BH', BGD: 'BD', BRB: 'BB', BLR: 'BY', BEL: 'BE', BLZ: 'BZ',
  BEN: 'BJ', BTN: 'BT', BOL: 'BO', BIH: 'BA', BWA: 'BW', BRA: 'BR', BRN: 'BN', BGR: 'BG', BFA: 'BF',
  BDI: 'BI', CPV: 'CV', KHM: 'KH', CMR: 'CM', CAN: 'CA', CAF: 'CF', TCD: 'TD', CHL: 'CL', CHN: 'CN',
  COL: 'CO', COM: 'KM', COG: 'CG', CRI: 'CR', CIV: 'CI', HRV: 'HR', CUB: 'CU', CYP: 'CY', CZE: 'CZ',
  PRK: 'KP', COD: 'CD', DNK: 'DK', DJI: 'DJ', DMA: 'DM', DOM: 'DO', ECU: 'EC', EGY: 'EG', SLV: 'SV',
  GNQ: 'GQ', ERI: 'ER', EST: 'EE', SWZ: 'SZ', ETH: 'ET', FJI: 'FJ', FIN: 'FI', FRA: 'FR', GAB: 'GA',
  GMB: 'GM', GEO: 'GE', DEU: 'DE', GHA: 'GH', GRC: 'GR', GRD: 'GD', GTM: 'GT', GIN: 'GN', GNB: 'GW',
  GUY: 'GY', HTI: 'HT', HND: 'HN', HUN: 'HU', ISL: 'IS', IND: 'IN', IDN: 'ID', IRN: 'IR', IRQ: 'IQ',
  IRL: 'IE', ISR: 'IL', ITA: 'IT', JAM: 'JM', JPN: 'JP', JOR: 'JO', KAZ: 'KZ', KEN: 'KE', KIR: 'KI',
  KWT: 'KW', KGZ: 'KG', LAO: 'LA', LVA: 'LV', LBN: 'LB', LSO: 'LS', LBR: 'LR', LBY: 'LY', LIE: 'LI',
  LTU: 'LT', LUX: 'LU', MDG: 'MG', MWI: 'MW', MYS: 'MY', MDV: 'MV', MLI: 'ML', MLT: 'MT', MHL: 'MH',
  MRT: 'MR', MUS: 'MU', MEX: 'MX', FSM: 'FM', MCO: 'MC', MNG: 'MN', MNE: 'ME', MAR: 'MA', MOZ: 'MZ',
  MMR: 'MM', NAM: 'NA', NRU: 'NR', NPL: 'NP', NLD: 'NL', NZL: 'NZ', NIC: 'NI', NER: 'NE', NGA: 'NG',
  MKD: 'MK', NOR: 'NO', OMN: 'OM', PAK: 'PK', PLW: 'PW', PAN: 'PA', PNG: 'PG', PRY: 'PY', PER: 'PE',
  PHL: 'PH', POL: 'PL', PRT: 'PT', QAT: 'QA', KOR: 'KR', MDA: 'MD', ROU: 'RO', RUS: 'RU', RWA: 'RW',
  KNA: 'KN', LCA: 'LC', VCT: 'VC', WSM: 'WS', SMR: 'SM', STP: 'ST', SAU: 'SA', SEN: 'SN', SRB: 'RS',
  SYC: 'SC', SLE: 'SL', SGP: 'SG', SVK: 'SK', SVN: 'SI', SLB: 'SB', SOM: 'SO', ZAF: 'ZA', SSD: 'SS',
  ESP: 'ES', LKA: 'LK', SDN: 'SD', SUR: 'SR', SWE: 'SE', CHE: 'CH', SYR: 'SY', TJK: 'TJ', THA: 'TH',
  TLS: 'TL', TGO: 'TG', TON: 'TO', TTO: 'TT', TUN: 'TN', TUR: 'TR', TKM: 'TM', TUV: 'TV', UGA: 'UG',
  UKR: 'UA', ARE: 'AE', GBR: 'GB', TZA: 'TZ', USA: 'US', URY: 'UY', UZB: 'UZ', VUT: 'VU', VEN: 'VE',
  VNM: 'VN', YEM: 'YE', ZMB: 'ZM', ZWE: 'ZW',
} as const satisfies Record<string, string>;

/** The non-member observer States: Holy See, State of Palestine. */
const OBSERVERS_ALPHA3_TO_ALPHA2 = { VAT: 'VA', PSE: 'PS' } as const satisfies Record<string, string>;

export type MemberStateCode = keyof typeof ALPHA3_TO_ALPHA2;
export type UnCountryCode = MemberStateCode | keyof typeof OBSERVERS_ALPHA3_TO_ALPHA2;

const ALL_ALPHA2: Readonly<Record<UnCountryCode, string>> = { ...ALPHA3_TO_ALPHA2, ...OBSERVERS_ALPHA3_TO_ALPHA2 };

/** Alpha-3 codes of the 193 Member States, in code order. */
export const UN_MEMBER_STATES: readonly MemberStateCode[] = (Object.keys(ALPHA3_TO_ALPHA2) as MemberStateCode[]).sort();

/** Alpha-3 codes of the 193 Member States and the 2 observer States, in code order: the countries an assessment can be for. */
export const UN_COUNTRIES: readonly UnCountryCode[] = (Object.keys(ALL_ALPHA2) as UnCountryCode[]).sort();

/** Where each language's name sits in a row of UN_COUNTRY_NAMES. */
const COLUMN: Readonly<Record<Language, 0 | 1 | 2 | 3 | 4 | 5>> = { ar: 0, zh: 1, en: 2, fr: 3, ru: 4, es: 5 };

const has = (table: object, code: unknown): boolean => typeof code === 'string' && Object.prototype.hasOwnProperty.call(table, code);

export function isMemberState(code: unknown): code is MemberStateCode {
  return has(ALPHA3_TO_ALPHA2, code);
}

/** A Member State or an observer State. */
export function isUnCountry(code: unknown): code is UnCountryCode {
  return has(ALL_ALPHA2, code);
}

export function alpha2Of(alpha3: string): string | null {
  return isUnCountry(alpha3) ? ALL_ALPHA2[alpha3] : null;
}

/**
 * The country's official UN name in `lng` ("fr", or a tag such as "fr-CA"); a language other than the
 * six gets the English name. An unknown code yields the code itself: a reader still sees which
 * country is meant (the training example's XXX is named by the caller, see `countryLabel`).
 */
export function countryName(alpha3: string, lng: string): string {
  if (!isUnCountry(alpha3)) return alpha3;
  const base = lng.toLowerCase().split(/[-_]/)[0] ?? '';
  return UN_COUNTRY_NAMES[alpha3][COLUMN[isLanguage(base) ? base : 'en']];
}
