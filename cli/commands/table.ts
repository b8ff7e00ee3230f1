import type { CommandSpec } from './types';

const LANG = { type: 'string', value: 'L' } as const;
const OUT_FILE = { type: 'string', value: 'FILE' } as const;

/**
 * Every `scsa` command, in help order. A later issue implements a command by writing its module
 * and setting `available: true`; the parser, help and exit codes need no change.
 */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'checklist',
    synopsis: 'checklist [--lang L] [--json]',
    options: { lang: LANG, json: { type: 'boolean' } },
    positionals: [],
    available: true,
    load: () => import('./checklist'),
  },
  {
    name: 'new',
    synopsis: 'new --country ISO3 --lang L --out FILE [--pack ID@V] [--force]',
    options: { country: { type: 'string', value: 'ISO3' }, lang: LANG, out: OUT_FILE, pack: { type: 'string', value: 'ID@V' }, force: { type: 'boolean' } },
    positionals: [],
    available: true,
    load: () => import('./new'),
  },
  {
    name: 'validate',
    synopsis: 'validate DRAFT',
    options: { lang: LANG },
    positionals: ['DRAFT'],
    available: true,
    load: () => import('./validate'),
  },
  {
    name: 'pdf',
    synopsis: 'pdf DRAFT --out FILE [--paper a4|letter]',
    options: { lang: LANG, out: OUT_FILE, paper: { type: 'string', value: 'a4|letter' } },
    positionals: ['DRAFT'],
    available: true,
    load: () => import('./pdf'),
  },
  {
    name: 'keygen',
    synopsis: 'keygen --out DIR [--import FILE] [--replace OLD]',
    options: { lang: LANG, out: { type: 'string', value: 'DIR' }, import: { type: 'string', value: 'FILE' }, replace: { type: 'string', value: 'OLD' } },
    positionals: [],
    details: true,
    available: true,
    load: () => import('./keygen'),
  },
  {
    name: 'export',
    synopsis: 'export DRAFT --key DIR --out FILE [--revision N]',
    options: { lang: LANG, key: { type: 'string', value: 'DIR' }, out: OUT_FILE, revision: { type: 'string', value: 'N' } },
    positionals: ['DRAFT'],
    available: true,
    load: () => import('./export'),
  },
  {
    name: 'verify',
    synopsis: 'verify BUNDLE [--registry FILE]',
    options: { lang: LANG, registry: { type: 'string', value: 'FILE' } },
    positionals: ['BUNDLE'],
    available: true,
    load: () => import('./verify'),
  },
  {
    name: 'verify-replacement',
    synopsis: 'verify-replacement FILE [--registry FILE]',
    options: { lang: LANG, registry: { type: 'string', value: 'FILE' } },
    positionals: ['FILE'],
    details: true,
    available: true,
    load: () => import('./verify-replacement'),
  },
  {
    name: 'migrate',
    synopsis: 'migrate DRAFT --to PACKFILE|ID@V [--dry-run] [--json] [--out FILE] [--trust PUB.pem]',
    options: {
      lang: LANG,
      to: { type: 'string', value: 'PACKFILE|ID@V' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      out: OUT_FILE,
      trust: { type: 'string', value: 'PUB.pem' },
    },
    positionals: ['DRAFT'],
    details: true,
    available: true,
    load: () => import('./migrate'),
  },
  {
    name: 'pack',
    synopsis: 'pack build|check|diff|sign …',
    options: { lang: LANG },
    positionals: [],
    available: true,
    load: () => import('./pack'),
    subcommands: [
      {
        word: 'build',
        name: 'pack-build',
        synopsis: 'pack build SRC_DIR --out FILE',
        options: { lang: LANG, out: OUT_FILE },
        positionals: ['SRC_DIR'],
        available: true,
        load: () => import('./pack-build'),
      },
      {
        word: 'check',
        name: 'pack-check',
        synopsis: 'pack check FILE',
        options: { lang: LANG },
        positionals: ['FILE'],
        available: true,
        load: () => import('./pack-check'),
      },
      {
        word: 'diff',
        name: 'pack-diff',
        synopsis: 'pack diff OLD NEW [--json]',
        options: { lang: LANG, json: { type: 'boolean' } },
        positionals: ['OLD', 'NEW'],
        details: true,
        available: true,
        load: () => import('./pack-diff'),
      },
      {
        word: 'sign',
        name: 'pack-sign',
        synopsis: 'pack sign FILE --key DIR --out FILE.scsa-pack',
        options: { lang: LANG, key: { type: 'string', value: 'DIR' }, out: { type: 'string', value: 'FILE.scsa-pack' } },
        positionals: ['FILE'],
        details: true,
        available: true,
        load: () => import('./pack-sign'),
      },
    ],
  },
  {
    name: 'import',
    synopsis: 'import BUNDLE…',
    options: { lang: LANG },
    positionals: ['BUNDLE'],
    variadic: true,
    available: false,
    later: true,
    load: () => import('./import'),
  },
  {
    name: 'report',
    synopsis: 'report',
    options: { lang: LANG },
    positionals: [],
    available: false,
    later: true,
    load: () => import('./report'),
  },
];

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}
