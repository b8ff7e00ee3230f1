// Assembles a checklist pack from its sources: structure.json (ids, types, rules) plus one text file
// per language (<lng>.json), so that each language can be written and reviewed on its own.
// Usage: node scripts/build-pack.mjs [pack-id] [--check]   (--check: fail if the committed pack differs)
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LANGS = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];
const args = process.argv.slice(2);
const check = args.includes('--check');
const packId = args.find((a) => !a.startsWith('--')) ?? 'safer-cities-sacl';
const srcDir = path.join(root, 'core/checklist/packs/src', packId);
const outFile = path.join(root, 'core/checklist/packs', `${packId}.pack.json`);

const structure = JSON.parse(readFileSync(path.join(srcDir, 'structure.json'), 'utf8'));
const texts = Object.fromEntries(
  LANGS.map((l) => {
    const file = path.join(srcDir, `${l}.json`);
    return [l, existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}];
  }),
);
const languages = LANGS.filter((l) => existsSync(path.join(srcDir, `${l}.json`)));

// A text missing in a language stays out of the pack: the strict schema then names exactly what is missing.
function localized(get) {
  const out = {};
  for (const l of LANGS) {
    const v = get(texts[l]);
    if (typeof v === 'string') out[l] = v;
  }
  return out;
}
const at = (obj, ...keys) => keys.reduce((o, k) => (o == null ? undefined : o[k]), obj);

function buildItem(item) {
  const t = (...keys) => localized((x) => at(x, 'items', item.id, ...keys));
  const out = { id: item.id, type: item.type, text: t('text'), guidance: t('guidance') };
  for (const [k, v] of Object.entries(item)) {
    if (['id', 'type', 'options', 'columns', 'constraints'].includes(k)) continue;
    out[k] = v;
  }
  if (at(texts.en, 'items', item.id, 'unit') !== undefined) out.unit = t('unit');
  if (item.options) out.options = item.options.map((id) => ({ id, label: t('options', id) }));
  if (item.columns) {
    out.columns = item.columns.map((c) => {
      const col = { id: c.id, type: c.type, label: t('columns', c.id, 'label') };
      if (c.required) col.required = true;
      if (c.options) col.options = c.options.map((id) => ({ id, label: t('columns', c.id, 'options', id) }));
      for (const rule of ['integer', 'min', 'max', 'notBefore']) if (c[rule] !== undefined) col[rule] = c[rule];
      return col;
    });
  }
  if (item.constraints) out.constraints = item.constraints.map((rule, i) => ({ rule, message: t('constraints', i) }));
  return out;
}

const labelGroup = (group) =>
  Object.fromEntries(Object.keys(at(texts.en, 'labels', group) ?? {}).map((k) => [k, localized((x) => at(x, 'labels', group, k))]));

const pack = {
  schemaVersion: 1,
  id: structure.id,
  version: structure.version,
  languages,
  title: localized((x) => x.title),
  labels: { status: labelGroup('status'), uncac: labelGroup('uncac'), assistanceTypes: labelGroup('assistanceTypes') },
  sections: structure.sections.map((s) => ({
    id: s.id,
    title: localized((x) => at(x, 'sections', s.id, 'title')),
    description: localized((x) => at(x, 'sections', s.id, 'description')),
    items: s.items.map(buildItem),
  })),
};

const json = JSON.stringify(pack, null, 1) + '\n';
if (check) {
  const committed = existsSync(outFile) ? readFileSync(outFile, 'utf8') : '';
  if (committed !== json) {
    process.stderr.write(`${path.relative(root, outFile)} is out of date: run node scripts/build-pack.mjs ${packId}\n`);
    process.exit(1);
  }
} else {
  writeFileSync(outFile, json);
  process.stderr.write(`wrote ${path.relative(root, outFile)} (${languages.join(', ')})\n`);
}
