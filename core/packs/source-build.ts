/**
 * Assemble a pack from its authoring sources, the layout of core/checklist/packs/src/<pack>/:
 * `structure.json` (ids, types, rules, options, migrations: everything that is not text) and one
 * `<lng>.json` per language with the texts, so that each language is written and reviewed on its
 * own. scripts/build-pack.mjs runs this for the packs the app carries; `scsa pack build` for any.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors';
import { describeIssues } from '../checklist/issues';
import { LANGUAGES, type Language } from '../i18n/languages';
import { PACK_SCHEMA_VERSION } from '../checklist/schema';
import { PACK_BYTES_LIMIT } from '../checklist/pack-limits';

type Tree = Record<string, unknown>;

const Key = z.string().min(1).max(64);
const ColumnSource = z.looseObject({ id: Key, type: z.string(), required: z.boolean().optional(), options: z.array(Key).max(1000).optional() });
const ItemSource = z.looseObject({
  id: z.string().min(1).max(64),
  type: z.string().min(1).max(32),
  options: z.array(Key).max(1000).optional(),
  columns: z.array(ColumnSource).max(100).optional(),
  constraints: z.array(z.string().max(2000)).max(100).optional(),
});
const StepSource = z.looseObject({ from: z.string().max(64), to: z.string().max(64), items: z.record(z.string().max(64), z.record(z.string(), z.unknown())) });

/** `structure.json`: the language-neutral part of a pack. */
export const StructureSourceSchema = z
  .object({
    id: z.string().max(64),
    version: z.string().max(64),
    sections: z.array(z.object({ id: Key, items: z.array(ItemSource).max(10_000) }).strict()).max(1000),
    migrations: z.array(StepSource).max(100).optional(),
  })
  .strict();

const STRUCTURE_FILE = 'structure.json';

async function readJson(file: string, required: boolean): Promise<unknown> {
  const stat = await fs.stat(file).catch(() => null);
  if (!stat) {
    if (required) throw new AppError('packs:errors.sourceMissing', { file: path.basename(file) });
    return undefined;
  }
  if (!stat.isFile() || stat.size >= PACK_BYTES_LIMIT) throw new AppError('packs:errors.sourceInvalid', { file: path.basename(file), path: '(root)', problem: 'too large' });
  try {
    return JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (err) {
    throw new AppError('packs:errors.sourceInvalid', { file: path.basename(file), path: '(root)', problem: 'not JSON' }, err);
  }
}

const at = (tree: unknown, keys: readonly (string | number)[]): unknown =>
  keys.reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Record<string | number, unknown>)[k] : undefined), tree);

export interface BuiltPack {
  /** The assembled pack, not yet validated (see loadPack / checkPack). */
  pack: Tree;
  /** Its JSON text as the packs the app carries are written: one-space indent, final newline. */
  text: string;
  /** Languages that have a text file. */
  languages: Language[];
}

/** Assemble the pack in `dir`. Throws `packs:errors.sourceMissing` `{file}` or `packs:errors.sourceInvalid` `{file, path, problem}`. */
export async function buildPackFromSource(dir: string): Promise<BuiltPack> {
  const parsed = StructureSourceSchema.safeParse(await readJson(path.join(dir, STRUCTURE_FILE), true));
  if (!parsed.success) throw new AppError('packs:errors.sourceInvalid', { file: STRUCTURE_FILE, ...describeIssues(parsed.error) });
  const structure = parsed.data;
  const texts = new Map<Language, unknown>();
  for (const lng of LANGUAGES) {
    const tree = await readJson(path.join(dir, `${lng}.json`), false);
    if (tree !== undefined) texts.set(lng, tree);
  }
  if (!texts.has('en')) throw new AppError('packs:errors.sourceMissing', { file: 'en.json' });

  // A text missing in a language stays out: the strict schema then names exactly what is missing.
  const localized = (...keys: (string | number)[]): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const lng of LANGUAGES) {
      const v = at(texts.get(lng), keys);
      if (typeof v === 'string') out[lng] = v;
    }
    return out;
  };
  const optional = (value: Record<string, string>) => (Object.keys(value).length > 0 ? value : undefined);

  const buildItem = (item: z.infer<typeof ItemSource>): Tree => {
    const textOf = (...keys: (string | number)[]) => localized('items', item.id, ...keys);
    const out: Tree = { id: item.id, type: item.type, text: textOf('text'), guidance: optional(textOf('guidance')) };
    for (const [k, v] of Object.entries(item)) if (!['id', 'type', 'options', 'columns', 'constraints'].includes(k)) out[k] = v;
    if (at(texts.get('en'), ['items', item.id, 'unit']) !== undefined) out.unit = textOf('unit');
    if (item.options) out.options = item.options.map((id) => ({ id, label: textOf('options', id) }));
    if (item.columns) {
      out.columns = item.columns.map((c) => {
        const col: Tree = { id: c.id, type: c.type, label: textOf('columns', c.id, 'label') };
        if (c.required) col.required = true;
        if (c.options) col.options = c.options.map((id) => ({ id, label: textOf('columns', c.id, 'options', id) }));
        // A column's own rules (whole number, bounds, not before another column) travel as written.
        for (const rule of ['integer', 'min', 'max', 'notBefore'] as const) if (c[rule] !== undefined) col[rule] = c[rule] as Tree[string];
        return col;
      });
    }
    if (item.constraints) out.constraints = item.constraints.map((rule, i) => ({ rule, message: textOf('constraints', i) }));
    return out;
  };

  const labelGroup = (group: string): Tree => {
    const keys = at(texts.get('en'), ['labels', group]);
    return Object.fromEntries(Object.keys(keys && typeof keys === 'object' ? keys : {}).map((k) => [k, localized('labels', group, k)]));
  };

  const pack: Tree = {
    schemaVersion: PACK_SCHEMA_VERSION,
    id: structure.id,
    version: structure.version,
    languages: LANGUAGES.filter((l) => texts.has(l)),
    title: localized('title'),
    labels: { status: labelGroup('status'), uncac: labelGroup('uncac'), assistanceTypes: labelGroup('assistanceTypes') },
    sections: structure.sections.map((s) => ({
      id: s.id,
      title: localized('sections', s.id, 'title'),
      description: optional(localized('sections', s.id, 'description')),
      items: s.items.map(buildItem),
    })),
  };
  if (structure.migrations) {
    // Removal notes are text: they live in the language files under migrations.<from>.<item id>.
    pack.migrations = structure.migrations.map((step) => ({
      ...step,
      items: Object.fromEntries(
        Object.entries(step.items).map(([id, entry]) => {
          const note = entry.removed === true ? optional(localized('migrations', step.from, id)) : undefined;
          return [id, note ? { ...entry, note } : entry];
        }),
      ),
    }));
  }
  const text = JSON.stringify(pack, null, 1) + '\n';
  // The object exactly as the file will hold it (no key left with an undefined value).
  return { pack: JSON.parse(text) as Tree, text, languages: LANGUAGES.filter((l) => texts.has(l)) };
}
