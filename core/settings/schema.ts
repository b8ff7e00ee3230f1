import { z } from 'zod';
import { LanguageSchema } from '../i18n/language-schema';

/** The preferences file (`settings.json`), the same in the app and the web host. */
export const SettingsSchema = z.object({
  schemaVersion: z.literal(1),
  language: LanguageSchema,
});
export type Settings = z.infer<typeof SettingsSchema>;
