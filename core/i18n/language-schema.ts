import { z } from 'zod';
import { LANGUAGES } from './languages';

/** One of the six UN languages, as a schema for files and API payloads. */
export const LanguageSchema = z.enum(LANGUAGES);
