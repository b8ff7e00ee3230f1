import type { TFunction } from 'i18next';
import { countryName } from '../../../core/i18n/countries';

/** The fictional country of the training example; not a UN country, so the UN names have none for it. */
export const EXAMPLE_COUNTRY_CODE = 'XXX';

/** A country as the interface names it: the example's localized word, otherwise its official UN name. */
export function countryLabel(code: string, lng: string, t: TFunction): string {
  return code === EXAMPLE_COUNTRY_CODE ? t('exampleCountry') : countryName(code, lng);
}
