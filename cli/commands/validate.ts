import { readDraftFile } from './read-draft';
import i18next from 'i18next';
import { localize } from '../../core/checklist/localized';
import { validateDraft, type DraftProblem } from '../../core/draft/validate';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../../core/i18n/languages';
import ar from '../../locales/ar/drafts.json';
import en from '../../locales/en/drafts.json';
import es from '../../locales/es/drafts.json';
import fr from '../../locales/fr/drafts.json';
import ru from '../../locales/ru/drafts.json';
import zh from '../../locales/zh/drafts.json';
import { EXIT } from '../exit-codes';
import type { CommandRun } from './types';

const DRAFTS = { ar, zh, en, fr, ru, es } satisfies Record<Language, unknown>;

/** The app's own validation texts (`drafts` namespace), so the command line says what the form says. */
function draftsTranslator(language: Language) {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    ns: ['drafts'],
    defaultNS: 'drafts',
    resources: Object.fromEntries(LANGUAGES.map((l) => [l, { drafts: DRAFTS[l] }])),
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

/** Largest draft file read (the same cap as a portable copy). */

/**
 * `scsa validate DRAFT`: exit 0 when the draft is complete; exit 1 with one line per problem
 * ("item id — problem", in the message language) when it is not, and exit 1 with one clear sentence
 * when the file cannot be read as a draft.
 */
export const run: CommandRun = async (ctx) => {
  const file = ctx.positionals[0] as string;
  const read = await readDraftFile(ctx, file);
  if (typeof read === 'number') return read;
  const { draft, loaded } = read;
  const problems = validateDraft(draft, loaded.pack);
  // An answer to an item the checklist no longer has is kept and mentioned, but does not make a draft incomplete.
  const blocking = problems.filter((p) => p.problem !== 'unknownItem');
  const t = draftsTranslator(ctx.language);
  const line = (p: DraftProblem) => `  ${p.itemId} — ${p.message ? localize(p.message, ctx.language).text : t(p.messageKey.replace(/^drafts:/, ''), p.params)}`;
  if (blocking.length === 0) {
    ctx.out(ctx.t('validate.complete', { file }));
    for (const p of problems) ctx.err(line(p));
    return EXIT.ok;
  }
  ctx.out(ctx.t('validate.incomplete', { file, count: blocking.length }));
  ctx.out(problems.map(line).join('\n'));
  return EXIT.failedCheck;
};
