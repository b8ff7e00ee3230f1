import type { CommandSpec } from './types';

const LANG = { type: 'string', value: 'L' } as const;
const OUT_FILE = { type: 'string', value: 'FILE' } as const;
const WORKSPACE = { type: 'string', value: 'DIR' } as const;

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
    contentLanguage: true,
    available: true,
    load: () => import('./checklist'),
  },
  {
    name: 'new',
    synopsis: 'new --country ISO3 --lang L --out FILE [--pack ID@V] [--force]',
    options: { country: { type: 'string', value: 'ISO3' }, lang: LANG, out: OUT_FILE, pack: { type: 'string', value: 'ID@V' }, force: { type: 'boolean' } },
    positionals: [],
    contentLanguage: true,
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
    name: 'review send',
    synopsis: 'review send DRAFT --to INSTITUTION [--name N] [--sections A,B] [--due DATE] [--message M] [--no-attachments] --out FILE',
    options: {
      lang: LANG,
      to: { type: 'string', value: 'INSTITUTION' },
      name: { type: 'string', value: 'N' },
      sections: { type: 'string', value: 'A,B' },
      due: { type: 'string', value: 'DATE' },
      message: { type: 'string', value: 'M' },
      'no-attachments': { type: 'boolean' },
      out: OUT_FILE,
    },
    positionals: ['DRAFT'],
    details: true,
    available: true,
    load: () => import('./review-send'),
  },
  {
    name: 'review merge',
    synopsis: 'review merge DRAFT --base REVIEW_COPY REPLY… [--accept-clean] [--dry-run] [--json]',
    options: { lang: LANG, base: { type: 'string', value: 'REVIEW_COPY' }, 'accept-clean': { type: 'boolean' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
    positionals: ['DRAFT', 'REPLY'],
    variadic: true,
    details: true,
    available: true,
    load: () => import('./review-merge'),
  },
  {
    name: 'diff',
    synopsis: 'diff A B [--json]',
    options: { lang: LANG, json: { type: 'boolean' } },
    positionals: ['A', 'B'],
    details: true,
    available: true,
    load: () => import('./diff'),
  },
  {
    name: 'registry',
    synopsis: 'registry add|list|revoke|apply-replacement --workspace DIR …',
    options: {
      lang: LANG,
      workspace: WORKSPACE,
      country: { type: 'string', value: 'ISO3' },
      pem: OUT_FILE,
      fingerprint: { type: 'string', value: 'HEX' },
      name: { type: 'string', value: 'N' },
      role: { type: 'string', value: 'focal-point|approver' },
      'valid-from': { type: 'string', value: 'YYYY-MM-DD' },
      'valid-to': { type: 'string', value: 'YYYY-MM-DD' },
      note: { type: 'string', value: 'TEXT' },
      date: { type: 'string', value: 'YYYY-MM-DD' },
      json: { type: 'boolean' },
    },
    positionals: ['ACTION'],
    variadic: true,
    details: true,
    available: true,
    load: () => import('./registry'),
  },
  {
    name: 'import',
    synopsis: 'import --workspace DIR [--dry-run] [--json] PATH…',
    options: { lang: LANG, workspace: WORKSPACE, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
    positionals: ['PATH'],
    variadic: true,
    details: true,
    available: true,
    load: () => import('./import'),
  },
  {
    name: 'countersign',
    synopsis: 'countersign BUNDLE --key DIR --out FILE',
    options: { lang: LANG, key: { type: 'string', value: 'DIR' }, out: OUT_FILE },
    positionals: ['BUNDLE'],
    details: true,
    available: true,
    load: () => import('./countersign'),
  },
  {
    name: 'report',
    synopsis: 'report --out FILE.xlsx|.csv|.zip|.pdf [--lang L] [--checklist ID@V] [--publishable] (--workspace DIR | --bundles DIR)',
    options: {
      lang: LANG,
      out: OUT_FILE,
      checklist: { type: 'string', value: 'ID@V' },
      publishable: { type: 'boolean' },
      workspace: { type: 'string', value: 'DIR' },
      bundles: { type: 'string', value: 'DIR' },
      registry: { type: 'string', value: 'FILE' },
      group: { type: 'string', value: 'G,…' },
      'response-lang': { type: 'string', value: 'L,…' },
      table: { type: 'string', value: 'ID' },
      paper: { type: 'string', value: 'a4|letter' },
    },
    positionals: [],
    details: true,
    available: true,
    load: () => import('./report'),
  },
  {
    name: 'pack',
    synopsis: 'pack',
    options: { lang: LANG },
    positionals: [],
    available: false,
    later: true,
    load: () => import('./pack'),
  },
];

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}

/** The second words of the commands named `<name> …` (`review` → send, merge). */
export function subcommandsOf(name: string): string[] {
  return COMMANDS.filter((c) => c.name.startsWith(`${name} `)).map((c) => c.name.slice(name.length + 1));
}
