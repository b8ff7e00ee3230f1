/** What the About panel shows: the product, its version, the checklist pack, the data folder. */
import { z } from 'zod';
import type { MethodSpec } from '../../api/common';

export const AppInfoSchema = z.object({
  productName: z.string(),
  version: z.string(),
  checklistPack: z.object({ id: z.string(), version: z.string() }).nullable(),
  dataDir: z.string(),
  runtime: z.enum(['desktop', 'web']),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const appContract = {
  getAppInfo: { channel: 'app:info', input: z.tuple([]), output: AppInfoSchema },
} as const satisfies Record<string, MethodSpec>;
