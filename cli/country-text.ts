import { countryName } from '../core/i18n/countries';

/**
 * A country as the command line names it: its official UN name in the message language with the
 * code a script or registry uses, "Türkiye (TUR)"; a code that is no UN country stays bare.
 */
export function countryText(code: string, language: string): string {
  const name = countryName(code, language);
  return name === code ? code : `${name} (${code})`;
}
