// The benchmark workload: a 300-item checklist pack and a fully answered draft of it, in any of
// the six languages. Built from the real Safer Cities pack (its sections repeated with new ids),
// so item texts, option lists and table columns are the real ones.
import saclPackJson from '../../core/checklist/packs/safer-cities-sacl.pack.json';
import { loadPack, type LoadedPack } from '../../core/checklist/load';
import type { ChecklistItem, ChecklistPack } from '../../core/checklist/schema';
import { ASSISTANCE_TYPES, STATUS_VALUES } from '../../core/checklist/vocabulary';
import { newDraft } from '../../core/draft/create';
import type { Draft } from '../../core/draft/schema';
import { validateDraft } from '../../core/draft/validate';
import type { Language } from '../../core/i18n/languages';

export const ITEM_COUNT = 300;

type Raw = Record<string, unknown>;
const QUOTED_ID = /'([A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+)'/g;

/**
 * The raw JSON of a pack with exactly ITEM_COUNT items: copies of the real pack's sections with ids
 * suffixed `.c2`, `.c3`… Skip logic is removed and every item made required, so "fully answered"
 * means every one of the 300 items has an answer. The last item is a long text (the keystroke
 * benchmark types into it). Same id and version as the real pack, so the app's registry accepts it.
 */
export function bigPackSource(): Raw {
  const base = structuredClone(saclPackJson) as unknown as Raw & { sections: Raw[] };
  const sections: Raw[] = [];
  let count = 0;
  for (let copy = 1; count < ITEM_COUNT; copy++) {
    for (const section of base.sections) {
      if (count >= ITEM_COUNT) break;
      const suffix = copy === 1 ? '' : `.c${copy}`;
      const items = (section.items as Raw[]).slice(0, ITEM_COUNT - count).map((item) => {
        const { relevance: _dropped, ...rest } = structuredClone(item);
        const constraints = ((rest.constraints as { rule: string }[] | undefined) ?? []).map((c) => ({ ...c, rule: c.rule.replace(QUOTED_ID, `'$1${suffix}'`) }));
        return { ...rest, id: `${String(item.id)}${suffix}`, required: true, constraints };
      });
      count += items.length;
      sections.push({ ...structuredClone(section), id: `${String(section.id)}${copy === 1 ? '' : `-c${copy}`}`, items });
    }
  }
  const lastSection = sections[sections.length - 1] as { items: Raw[] };
  const longtext = base.sections.flatMap((s) => s.items as Raw[]).find((i) => i.type === 'longtext') as Raw;
  const last = lastSection.items[lastSection.items.length - 1] as Raw;
  lastSection.items[lastSection.items.length - 1] = { ...structuredClone(longtext), id: last.id, required: true, constraints: [], relevance: undefined };
  delete (lastSection.items[lastSection.items.length - 1] as Raw).relevance;
  return { ...base, sections };
}

export function bigPack(): LoadedPack {
  const loaded = loadPack(bigPackSource(), 'strict');
  if (loaded.items.size !== ITEM_COUNT) throw new Error(`generated pack has ${loaded.items.size} items, not ${ITEM_COUNT}`);
  return loaded;
}

/** Deterministic pseudo-random numbers (mulberry32), so every run writes the same draft. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Prose in `lang`: sentences cut from the pack's own questions and guidance in that language. */
function corpusOf(pack: ChecklistPack, lang: Language): string[] {
  const out: string[] = [];
  for (const s of pack.sections) for (const i of s.items) for (const t of [i.text, i.guidance]) if (t && t[lang]) out.push(t[lang].replace(/\s+/g, ' ').trim());
  return out;
}

class Writer {
  private readonly next: () => number;
  private cursor = 0;
  constructor(private readonly corpus: string[], private readonly lang: Language, seed: number) {
    this.next = rng(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  /** About `length` characters of prose (never more than `max`), ending on a whole sentence where possible. */
  text(length: number, max = Number.MAX_SAFE_INTEGER): string {
    const sep = this.lang === 'zh' ? '' : ' ';
    let s = '';
    while (s.length < length) {
      s += (s ? sep : '') + this.corpus[this.cursor % this.corpus.length];
      this.cursor += 1 + this.int(0, 3);
    }
    return s.slice(0, Math.min(max, length + 100)).trim();
  }
}

function pick<T>(w: Writer, list: readonly T[], n: number): T[] {
  const start = w.int(0, list.length - 1);
  return Array.from({ length: Math.min(n, list.length) }, (_, k) => list[(start + k) % list.length] as T);
}

function answerFor(item: ChecklistItem, w: Writer, index: number): unknown {
  switch (item.type) {
    case 'status':
      return STATUS_VALUES[index % 4];
    case 'single':
      return item.options[index % item.options.length]?.id;
    case 'multi': {
      const usable = item.options.map((o) => o.id).filter((id) => id !== 'none');
      const n = Math.max(item.minSelected ?? 1, Math.min(item.maxSelected ?? 4, 3, 4));
      return pick(w, usable, n);
    }
    case 'text':
      return w.text(w.int(60, 200), item.maxLength);
    case 'longtext':
      return w.text(w.int(500, 2000), item.maxLength);
    case 'number': {
      const lo = item.min ?? 0;
      const hi = item.max ?? lo + 10_000;
      const v = lo + ((index * 37) % Math.max(1, hi - lo));
      return item.integer ? Math.round(v) : v + 0.5 > hi ? v : v + 0.5;
    }
    case 'date':
      return `2024-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')}`;
    case 'yesno':
      return index % 3 !== 0;
    case 'table': {
      const rows = Math.min(10, item.maxRows ?? 10);
      return Array.from({ length: rows }, (_, r) =>
        Object.fromEntries(
          item.columns.map((c) => {
            switch (c.type) {
              case 'text':
                return [c.id, w.text(w.int(20, 80))];
              case 'number':
                return [c.id, 2000 + r];
              case 'date':
                return [c.id, `2023-0${(r % 9) + 1}-15`];
              case 'yesno':
                return [c.id, r % 2 === 0];
              case 'single':
                return [c.id, c.options?.[r % c.options.length]?.id ?? null];
            }
          }),
        ),
      );
    }
    case 'evidence':
      return { files: [], links: [{ url: `https://example.org/evidence/${index}.pdf`, title: w.text(40, 120) }] };
    case 'uncac':
      return {
        status: STATUS_VALUES[index % 3],
        measures: w.text(w.int(500, 2000)),
        examples: w.text(w.int(500, 2000)),
        challenges: w.text(w.int(500, 1500)),
        assistanceNeeded: true,
        assistanceTypes: [...pick(w, ASSISTANCE_TYPES.filter((t) => t !== 'other'), 2), 'other'],
        assistanceOther: w.text(60),
        assistanceDetails: w.text(w.int(300, 800)),
        assistanceReceived: true,
        assistanceReceivedFrom: w.text(120),
      };
  }
}

/** Every item's answer, in `lang`; throws if the result is not a complete, valid draft. */
export function fullDraft(loaded: LoadedPack, lang: Language, id = `bench-${lang}`): Draft {
  const pack = loaded.pack;
  const w = new Writer(corpusOf(pack, lang), lang, 42);
  const answers: Record<string, unknown> = {};
  let index = 0;
  for (const section of pack.sections) for (const item of section.items) answers[item.id] = answerFor(item, w, index++);
  const base = newDraft(
    {
      countryCode: 'XXX',
      responseLanguage: lang,
      focalPoints: [{ name: w.text(30, 60), title: w.text(40, 100), institution: w.text(60, 200), email: 'focal.point@example.org', phone: '+000 100 200 300' }],
      contributingInstitutions: [w.text(60, 200), w.text(60, 200), w.text(60, 200)],
      periodCovered: { from: '2022-01-01', to: '2025-12-31' },
    },
    pack,
    new Date('2026-01-01T00:00:00Z'),
    id,
  );
  const draft = { ...base, answers } as Draft;
  const problems = validateDraft(draft, pack);
  if (problems.length > 0) throw new Error(`generated draft is not complete: ${problems.slice(0, 3).map((p) => `${p.itemId} ${p.problem}`).join('; ')}`);
  return draft;
}

/** The id of the pack's last item (a long text). */
export function lastItemId(pack: ChecklistPack): string {
  const items = pack.sections[pack.sections.length - 1]?.items ?? [];
  return items[items.length - 1]?.id ?? '';
}
