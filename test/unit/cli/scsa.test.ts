import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_ENTRY, ROOT, ensureBuilt } from '../../e2e/harness';
import { LANGUAGES } from '../../../core/i18n/languages';
import { COMMANDS } from '../../../cli/commands/table';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
const cliText = (lng: string) =>
  JSON.parse(readFileSync(path.join(ROOT, 'locales', lng, 'cli.json'), 'utf8')) as {
    usage: Record<string, string>;
    commands: Record<string, string>;
  };

/** Run the built command line as a user would, with no SCSA_LANG unless given. */
function scsa(args: string[], env: Record<string, string> = {}) {
  const { SCSA_LANG: _ignored, ...base } = process.env;
  const run = spawnSync(process.execPath, [CLI_ENTRY, ...args], { encoding: 'utf8', env: { ...base, ...env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const STACK_LINE = /\n\s+at .+:\d+:\d+/;
const DESIGN_COMMANDS = ['checklist', 'new', 'validate', 'pdf', 'keygen', 'export', 'verify', 'review', 'diff', 'migrate', 'registry', 'import', 'countersign', 'report', 'pack'];
// Read from the command table, so this file needs no change as each command's issue lands.
const AVAILABLE = COMMANDS.filter((c) => c.available).map((c) => c.name);
const NOT_YET = DESIGN_COMMANDS.filter((c) => !AVAILABLE.includes(c));

beforeAll(async () => {
  await ensureBuilt();
});

describe('scsa --help and --version', () => {
  it('prints usage listing every command of the design, and exits 0', () => {
    const r = scsa(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: scsa <command>/);
    for (const name of DESIGN_COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    expect(r.stdout).toContain('checklist [--lang L] [--json]');
    expect(r.stdout).toContain('verify BUNDLE [--registry FILE]');
    // Commands still planned are marked; once every command has landed there is nothing to mark.
    if (NOT_YET.length > 0) expect(r.stdout).toContain(cliText('en').usage.notYet);
    else expect(r.stdout).not.toContain(cliText('en').usage.notYet);
    expect(r.stderr).toBe('');
  });

  it('answers -h and "help" the same way', () => {
    const full = scsa(['--help']).stdout;
    expect(scsa(['-h']).stdout).toBe(full);
    expect(scsa(['help']).stdout).toBe(full);
  });

  it('prints the version of package.json', () => {
    const r = scsa(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('is reachable through the package bin (bin/scsa.cjs)', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, pkg.bin.scsa as string), '--version'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(pkg.version);
  });
});

describe('scsa before the project is built', () => {
  it('says, in the chosen language, to run the build; exit 2', () => {
    // A copy of the launcher and the translations, with no dist/ beside them.
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'scsa-unbuilt-'));
    try {
      cpSync(path.join(ROOT, 'bin'), path.join(tmp, 'bin'), { recursive: true });
      cpSync(path.join(ROOT, 'locales'), path.join(tmp, 'locales'), { recursive: true });
      const run = (args: string[]) => spawnSync(process.execPath, [path.join(tmp, 'bin', 'scsa.cjs'), ...args], { encoding: 'utf8' });
      const fr = run(['--lang', 'fr', '--help']);
      expect(fr.status).toBe(2);
      expect(fr.stdout).toBe('');
      expect(fr.stderr).toContain('« npm run build »');
      expect(run(['--help']).stderr).toContain('Run "npm run build"');
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('scsa usage errors: exit 2, a message on stderr, never a stack trace', () => {
  it.each([
    [['frobnicate'], 'frobnicate'],
    [['--frobnicate'], '--frobnicate'],
    [['checklist', '--frobnicate'], '--frobnicate'],
    [['validate'], 'DRAFT'],
    [['validate', 'a.scsa.json', 'b.scsa.json'], 'b.scsa.json'],
    [['new', '--out'], '--out'],
    [['checklist', '--json=yes'], '--json'],
    [['--lang', 'xx', 'checklist'], 'xx'],
    [['--ui-lang', 'xx', 'checklist'], 'xx'],
    [['validate', 'd.scsa.json', '--ui-lang'], '--ui-lang'],
  ])('%j', (args, named) => {
    const r = scsa(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(named);
    expect(r.stderr).toContain('scsa --help');
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('a checklist --lang that is not one of the six is refused by the command, in the language of messages', () => {
    const r = scsa(['checklist', '--lang', 'xx'], { SCSA_LANG: 'fr' });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Langue inconnue « xx »');
    expect(r.stderr).toContain('scsa checklist --help');
  });

  it('with no command at all shows the usage on stderr and exits 2', () => {
    const r = scsa([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage: scsa <command>');
  });
});

describe('scsa commands not yet available', () => {
  it.each(NOT_YET.map((c) => [c]))('%s says so and exits 2', (name) => {
    const args = name === 'validate' || name === 'pdf' || name === 'export' ? [name, 'draft.scsa.json'] : name === 'verify' || name === 'import' ? [name, 'bundle.zip'] : [name];
    const r = scsa(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`"scsa ${name}" is not yet available`);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('shows a command\'s own usage with --help after it, exit 0', () => {
    const r = scsa(['export', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('scsa export DRAFT --key DIR --out FILE');
    expect(r.stdout).toContain(cliText('en').commands.export);
  });
});

describe('scsa in the six languages', () => {
  it('--ui-lang fr translates help and messages, flags unchanged', () => {
    const help = scsa(['--ui-lang', 'fr', '--help']);
    expect(help.stdout).toContain(cliText('fr').usage.label);
    expect(help.stdout).toContain(cliText('fr').commands.checklist);
    expect(help.stdout).toContain('checklist [--lang L] [--json]');
    expect(help.stdout).not.toContain(cliText('en').commands.checklist);
    expect(help.stdout).toMatch(/^  --ui-lang L +langue des messages/m);
    const r = scsa(['frobnicate', '--ui-lang=fr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('La commande « frobnicate » n\'existe pas.');
  });

  it('--lang, the older spelling, still sets the messages before the command or on a command that makes nothing in a language', () => {
    expect(scsa(['--lang', 'fr', '--help']).stdout).toContain(cliText('fr').commands.checklist);
    expect(scsa(['frobnicate', '--lang=fr']).stderr).toContain('La commande « frobnicate » n\'existe pas.');
  });

  it.each(LANGUAGES.filter((l) => l !== 'en').map((l) => [l]))('SCSA_LANG=%s translates the usage', (lng) => {
    const r = scsa(['--help'], { SCSA_LANG: lng });
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(`${cliText(lng).usage.label} scsa <command>`)).toBe(true);
    for (const name of DESIGN_COMMANDS) expect(r.stdout).toContain(cliText(lng).commands[name]);
  });

  it('--ui-lang wins over SCSA_LANG', () => {
    const r = scsa(['--ui-lang', 'es', '--help'], { SCSA_LANG: 'ru' });
    expect(r.stdout).toContain(cliText('es').commands.verify);
    expect(r.stdout).not.toContain(cliText('ru').commands.verify);
  });

  it('an unknown SCSA_LANG falls back to English with a warning', () => {
    const r = scsa(['--help'], { SCSA_LANG: 'tlh' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: scsa/);
    expect(r.stderr).toContain('"tlh"');
  });
});

describe('scsa commands with actions (scsa pack …)', () => {
  it('lists each action under its command in the usage', () => {
    const r = scsa(['--help']);
    for (const line of ['pack build SRC_DIR --out FILE', 'pack check FILE', 'pack diff OLD NEW [--json]', 'pack sign FILE --key DIR --out FILE.scsa-pack']) {
      expect(r.stdout).toMatch(new RegExp(`^    ${line.replace(/[[\]|.]/g, '\\$&')}`, 'm'));
    }
  });

  it('without an action, or with an unknown one, says which exist; exit 2', () => {
    for (const args of [['pack'], ['pack', 'frobnicate']]) {
      const r = scsa(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('build|check|diff|sign');
      expect(r.stderr).toContain('scsa pack --help');
      expect(r.stderr).not.toMatch(STACK_LINE);
    }
  });

  it('shows the command\'s actions, or one action\'s usage, with --help', () => {
    const all = scsa(['pack', '--help']);
    expect(all.code).toBe(0);
    expect(all.stdout).toContain(cliText('en').commands['pack-sign'] as string);
    const one = scsa(['pack', 'sign', '--help']);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('scsa pack sign FILE --key DIR --out FILE.scsa-pack');
    expect(scsa(['pack', 'check', 'a', 'b']).code).toBe(2);
  });
});
