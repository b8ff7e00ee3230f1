/**
 * The bundled example assessments: a fully answered response for the fictional country "Example"
 * (code XXX), in English and in Arabic, for training workshops and for tests of the PDF and bundle.
 * Imported as JSON so esbuild and vite bundle them; parsed on load so a hand edit that breaks the
 * draft format fails loudly here rather than deep in a renderer.
 */
import exampleEn from './example-en.scsa.json';
import exampleAr from './example-ar.scsa.json';
import { DraftSchema, type Draft } from '../../draft/schema';

export type ExampleLanguage = 'en' | 'ar';

export interface ExampleAssessment {
  /** Draft id of the example, also its file stem (`example-en`). */
  id: string;
  language: ExampleLanguage;
  /** The raw JSON as bundled; use `loadExample` for a parsed, independent copy. */
  source: unknown;
}

const SOURCES: Record<ExampleLanguage, unknown> = { en: exampleEn, ar: exampleAr };

/** The example assessments, English first. */
export const EXAMPLES: readonly ExampleAssessment[] = [
  { id: 'example-en', language: 'en', source: SOURCES.en },
  { id: 'example-ar', language: 'ar', source: SOURCES.ar },
];

/** A fresh copy of the example draft in `language`, validated against the draft schema. */
export function loadExample(language: ExampleLanguage): Draft {
  return DraftSchema.parse(structuredClone(SOURCES[language]));
}
