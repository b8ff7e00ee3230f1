/**
 * The 193 Member States of the United Nations, by ISO 3166-1 alpha-3 code (the code of a draft's
 * `countryCode` and of the bundle's `Country-Code`), with their alpha-2 code for `Intl.DisplayNames`.
 * Names are never stored here: each language's name comes from the platform's CLDR data.
 * Pure data and one pure function: safe for the renderer, the core and the command line alike.
 */
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

export type MemberStateCode = keyof typeof ALPHA3_TO_ALPHA2;

/** Alpha-3 codes of the 193 Member States, in code order. */
export const UN_MEMBER_STATES: readonly MemberStateCode[] = (Object.keys(ALPHA3_TO_ALPHA2) as MemberStateCode[]).sort();

export function isMemberState(code: unknown): code is MemberStateCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ALPHA3_TO_ALPHA2, code);
}

export function alpha2Of(alpha3: string): string | null {
  return isMemberState(alpha3) ? ALPHA3_TO_ALPHA2[alpha3] : null;
}

/**
 * The country's name in `lng` from CLDR (`Intl.DisplayNames`). An unknown code, or a platform
 * without the data, yields the code itself: a reader still sees which country is meant.
 */
export function countryName(alpha3: string, lng: string): string {
  const alpha2 = alpha2Of(alpha3);
  if (!alpha2) return alpha3;
  try {
    return new Intl.DisplayNames([lng], { type: 'region', fallback: 'code' }).of(alpha2) ?? alpha3;
  } catch {
    return alpha3;
  }
}
