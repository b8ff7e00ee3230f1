/**
 * The five United Nations regional groups and their members, for the analysis filters.
 *
 * Source: United Nations Department for General Assembly and Conference Management (DGACM),
 * "Regional groups of Member States" (un.org/dgacm/en/content/regional-groups), as published in
 * 2024–2026; checked against the UN Dag Hammarskjöld Library's note on regional groups (ask.un.org
 * FAQ 14521). The groups are informal arrangements among Member States; the list is kept here only
 * to filter an analysis, never to compare groups or countries. Special cases, as DGACM notes them:
 * - Türkiye takes part fully in both the Asia-Pacific and the Western European and other States
 *   groups; for electoral purposes it counts in the latter, and so it does here.
 * - The United States of America attends the Western European and other States group as an
 *   observer and is counted in it for electoral purposes, and so it is here.
 * - Kiribati appears in DGACM's Asia-Pacific list.
 * The two non-member observer States (the Holy See and the State of Palestine) are not in DGACM's
 * lists; they form the filter value `observer`.
 */
import { UN_MEMBER_STATES } from '../i18n/countries';

export const REGIONAL_GROUPS = ['african', 'asia-pacific', 'eastern-european', 'latin-american-caribbean', 'western-european-other', 'observer'] as const;
export type RegionalGroup = (typeof REGIONAL_GROUPS)[number];

/** Where the table comes from, for the "About" sheet and the annex. */
export const REGIONAL_GROUPS_SOURCE = 'United Nations Department for General Assembly and Conference Management (DGACM), "Regional groups of Member States"';

const MEMBERS: Readonly<Record<RegionalGroup, string>> = {
  african:
    'DZA AGO BEN BWA BFA BDI CPV CMR CAF TCD COM COG CIV COD DJI EGY GNQ ERI SWZ ETH GAB GMB GHA GIN GNB KEN LSO ' +
    'LBR LBY MDG MWI MLI MRT MUS MAR MOZ NAM NER NGA RWA STP SEN SYC SLE SOM ZAF SSD SDN TGO TUN UGA TZA ZMB ZWE',
  'asia-pacific':
    'AFG BHR BGD BTN BRN KHM CHN CYP PRK FJI IND IDN IRN IRQ JPN JOR KAZ KIR KWT KGZ LAO LBN MYS MDV MHL FSM MNG ' +
    'MMR NRU NPL OMN PAK PLW PNG PHL QAT KOR WSM SAU SGP SLB LKA SYR TJK THA TLS TON TKM TUV ARE UZB VUT VNM YEM',
  'eastern-european': 'ALB ARM AZE BLR BIH BGR HRV CZE EST GEO HUN LVA LTU MNE MKD POL MDA ROU RUS SRB SVK SVN UKR',
  'latin-american-caribbean':
    'ATG ARG BHS BRB BLZ BOL BRA CHL COL CRI CUB DMA DOM ECU SLV GRD GTM GUY HTI HND JAM MEX NIC PAN PRY PER KNA ' +
    'LCA VCT SUR TTO URY VEN',
  'western-european-other':
    'AND AUS AUT BEL CAN DNK FIN FRA DEU GRC ISL IRL ISR ITA LIE LUX MLT MCO NLD NZL NOR PRT SMR ESP SWE CHE TUR GBR USA',
  observer: 'VAT PSE',
};

/** The two non-member observer States, with their ISO 3166-1 alpha-2 codes. */
export const OBSERVER_STATES: Readonly<Record<string, string>> = { VAT: 'VA', PSE: 'PS' };

const GROUP_OF: ReadonlyMap<string, RegionalGroup> = new Map(
  REGIONAL_GROUPS.flatMap((group) => MEMBERS[group].split(' ').map((code) => [code, group] as const)),
);

/** The regional group of a country (ISO 3166-1 alpha-3), or null for a code in no group (e.g. XXX, the example). */
export function regionalGroupOf(alpha3: string): RegionalGroup | null {
  return GROUP_OF.get(alpha3) ?? null;
}

/** Every code of the table, for tests: the 193 Member States and the two observer States. */
export function regionalTable(): ReadonlyMap<string, RegionalGroup> {
  return GROUP_OF;
}

export function isRegionalGroup(value: unknown): value is RegionalGroup {
  return typeof value === 'string' && (REGIONAL_GROUPS as readonly string[]).includes(value);
}

/** Member States missing from the table: none, as a test checks; kept as a function so a new member is noticed. */
export function memberStatesWithoutGroup(): string[] {
  return UN_MEMBER_STATES.filter((code) => !GROUP_OF.has(code));
}
