/** The interface language and other preferences (kept by core/settings). */
import { z } from 'zod';
import { LanguageSchema, type MethodSpec } from '../../api/common';
import { SettingsSchema } from '../../settings/schema';

export { SettingsSchema, type Settings } from '../../settings/schema';

export const settingsContract = {
  getSettings: { channel: 'settings:get', input: z.tuple([]), output: SettingsSchema },
  setLanguage: { channel: 'settings:set-language', input: z.tuple([LanguageSchema]), output: SettingsSchema },
} as const satisfies Record<string, MethodSpec>;
