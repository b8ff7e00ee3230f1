/**
 * The process boundaries, proved from the source: the core never imports Electron (it must run in
 * plain Node and in the command line), and the renderer never imports Node or Electron (it is a web
 * page in a sandbox). Imports are read with the TypeScript parser, so every form counts: import and
 * export from, side-effect imports, require() and dynamic import().
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx)$/;

interface ImportRef {
  specifier: string;
  /** `import type` / `export type`: erased at build time, so it loads nothing at run time. */
  typeOnly: boolean;
}

/** Every module specifier a source text refers to. */
function importsOf(fileName: string, text: string): ImportRef[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: ImportRef[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.importClause?.isTypeOnly ?? false });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expr = node.moduleReference.expression;
      if (ts.isStringLiteral(expr)) found.push({ specifier: expr.text, typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node)) {
      const [arg] = node.arguments;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      const isDynamic = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      if ((isRequire || isDynamic) && arg && ts.isStringLiteralLike(arg)) found.push({ specifier: arg.text, typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({ specifier: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0] as string]));

function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0] as string);
}

function isElectron(specifier: string): boolean {
  return specifier === 'electron' || specifier.startsWith('electron/');
}

function listSources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listSources(full);
    return SOURCE.test(entry.name) ? [full] : [];
  });
}

/** The file a relative specifier names, the way the bundlers resolve it; null for packages. */
function resolveRelative(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [base, ...['.ts', '.tsx', '.mts', '.js', '.json'].map((e) => base + e), ...['index.ts', 'index.tsx'].map((i) => path.join(base, i))];
  // `./x.js` written for a `./x.ts` source, as ESM-style TypeScript allows.
  if (/\.js$/.test(base)) candidates.push(base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'));
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? base;
}

const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');
const inside = (file: string, folder: string) => rel(file).startsWith(folder + '/');

/** What a core file (and whatever it loads at run time, transitively) brings into a web page. */
function nodeOnlyChain(file: string, seen = new Map<string, string | null>()): string | null {
  if (seen.has(file)) return seen.get(file) ?? null;
  seen.set(file, null);
  if (!SOURCE.test(file) || !existsSync(file)) return null;
  for (const ref of importsOf(file, readFileSync(file, 'utf8'))) {
    if (ref.typeOnly) continue;
    if (isNodeBuiltin(ref.specifier) || isElectron(ref.specifier)) {
      const why = `${rel(file)} imports ${ref.specifier}`;
      seen.set(file, why);
      return why;
    }
    const target = resolveRelative(file, ref.specifier);
    if (target) {
      const deeper = nodeOnlyChain(target, seen);
      if (deeper) {
        const why = `${rel(file)} → ${deeper}`;
        seen.set(file, why);
        return why;
      }
    }
  }
  return null;
}

/** Break the rules the way a careless change would, to show the scanner sees each form. */
describe('the import scanner', () => {
  it('finds import, export-from, side-effect, require, dynamic import and import type', () => {
    const text = [
      "import fs from 'node:fs';",
      "import { app } from 'electron';",
      "import type { X } from 'os';",
      "export * from './re-export';",
      "export { y } from 'path';",
      "import 'child_process';",
      "const z = require('crypto');",
      "const w = await import('fs/promises');",
      "type T = import('worker_threads').Worker;",
    ].join('\n');
    const refs = importsOf('x.ts', text);
    expect(refs.map((r) => r.specifier)).toEqual(['node:fs', 'electron', 'os', './re-export', 'path', 'child_process', 'crypto', 'fs/promises', 'worker_threads']);
    expect(refs.filter((r) => r.typeOnly).map((r) => r.specifier)).toEqual(['os', 'worker_threads']);
  });

  it('tells Node builtins and Electron from packages of the same look', () => {
    expect(['node:fs', 'fs', 'fs/promises', 'path', 'crypto', 'stream/web'].every(isNodeBuiltin)).toBe(true);
    expect(['react', 'zod', 'i18next', './fs', 'pathe'].some(isNodeBuiltin)).toBe(false);
    expect(['electron', 'electron/main'].every(isElectron)).toBe(true);
    expect(['electron-store', './electron'].some(isElectron)).toBe(false);
  });

  it('follows a core module down to the Node builtin it needs, and clears a pure one', () => {
    expect(nodeOnlyChain(path.join(ROOT, 'core/settings/file-store.ts'))).toMatch(/imports node:/);
    expect(nodeOnlyChain(path.join(ROOT, 'core/api/contract.ts'))).toBeNull();
  });
});

describe('process boundaries in the source', () => {
  const coreFiles = listSources(path.join(ROOT, 'core'));
  const rendererFiles = listSources(path.join(ROOT, 'renderer'));

  it('finds the source folders it guards', () => {
    expect(coreFiles.length).toBeGreaterThan(5);
    expect(rendererFiles.length).toBeGreaterThan(0);
  });

  it('core/ never imports electron, electron/ or renderer/', () => {
    const offences = coreFiles.flatMap((file) =>
      importsOf(file, readFileSync(file, 'utf8'))
        .filter((ref) => {
          if (isElectron(ref.specifier)) return true;
          const target = resolveRelative(file, ref.specifier);
          return target !== null && (inside(target, 'electron') || inside(target, 'renderer'));
        })
        .map((ref) => `${rel(file)} imports ${ref.specifier}`),
    );
    expect(offences).toEqual([]);
  });

  it('renderer/ never imports a Node builtin, electron, or the main/preload code', () => {
    const offences = rendererFiles.flatMap((file) =>
      importsOf(file, readFileSync(file, 'utf8'))
        .filter((ref) => {
          if (isNodeBuiltin(ref.specifier) || isElectron(ref.specifier)) return true;
          const target = resolveRelative(file, ref.specifier);
          return target !== null && inside(target, 'electron');
        })
        .map((ref) => `${rel(file)} imports ${ref.specifier}`),
    );
    expect(offences).toEqual([]);
  });

  it('renderer/ loads from core/ only pure modules (no Node builtin anywhere down the chain)', () => {
    const offences: string[] = [];
    for (const file of rendererFiles) {
      for (const ref of importsOf(file, readFileSync(file, 'utf8'))) {
        if (ref.typeOnly) continue;
        const target = resolveRelative(file, ref.specifier);
        if (!target || !inside(target, 'core')) continue;
        const chain = nodeOnlyChain(target);
        if (chain) offences.push(`${rel(file)} → ${chain}`);
      }
    }
    expect(offences).toEqual([]);
  });
});

/**
 * Layers inside the core, one way only: engines (checklist, draft, store, pdf, bundle, keys, settings,
 * jobs, review, secretariat…) know nothing of the API; a feature's slice and handlers
 * (core/features/<feature>/) may use engines and the API's shared shapes (core/api/common.ts,
 * core/api/downloads.ts) but never the merged contract, the composition root or another feature's
 * handlers; only core/api merges the slices. The renderer's shared UI (renderer/src/ui/) never
 * imports a task's screens, and no task imports another task's screens.
 */
describe('layers inside the core and the renderer', () => {
  const coreFiles = listSources(path.join(ROOT, 'core'));
  const rendererFiles = listSources(path.join(ROOT, 'renderer', 'src'));
  const targets = (file: string) =>
    importsOf(file, readFileSync(file, 'utf8')).flatMap((ref) => {
      const target = resolveRelative(file, ref.specifier);
      return target ? [{ ref, target: rel(target) }] : [];
    });
  const featureOf = (file: string) => /^core\/features\/([^/]+)\//.exec(file)?.[1] ?? null;
  const API_SHARED = ['core/api/common.ts', 'core/api/downloads.ts'];

  it('finds the feature folders it guards', () => {
    const features = new Set(coreFiles.map((f) => featureOf(rel(f))).filter(Boolean));
    expect([...features].sort()).toEqual(expect.arrayContaining(['app', 'assessments', 'jobs', 'keys', 'packs', 'pdf', 'settings', 'submissions']));
  });

  it('engines never import core/api or core/features', () => {
    const offences = coreFiles
      .filter((f) => !inside(f, 'core/api') && !inside(f, 'core/features'))
      .flatMap((file) => targets(file).filter(({ target }) => target.startsWith('core/api/') || target.startsWith('core/features/')).map(({ ref }) => `${rel(file)} imports ${ref.specifier}`));
    expect(offences).toEqual([]);
  });

  it('a feature imports no merged contract, no composition root and no other feature’s handlers', () => {
    const offences = coreFiles
      .filter((f) => inside(f, 'core/features'))
      .flatMap((file) => {
        const own = featureOf(rel(file));
        return targets(file)
          .filter(({ target }) => {
            if (target.startsWith('core/api/')) return !API_SHARED.includes(target);
            const other = featureOf(target);
            // Contract slices may share schemas (a job's id, a passphrase); handlers stay each in its folder.
            return other !== null && other !== own && !target.endsWith('/contract.ts') && !(own === 'submissions' && target === 'core/features/keys/handlers.ts');
          })
          .map(({ ref }) => `${rel(file)} imports ${ref.specifier}`);
      });
    expect(offences).toEqual([]);
  });

  it('renderer/src/ui never imports a task’s screens, and a task imports no other task', () => {
    const taskOf = (file: string) => /^renderer\/src\/features\/([^/]+)\//.exec(file)?.[1] ?? null;
    const offences = rendererFiles.flatMap((file) => {
      const from = rel(file);
      const own = taskOf(from);
      return targets(file)
        .filter(({ target }) => {
          const task = taskOf(target);
          if (inside(file, 'renderer/src/ui')) return task !== null;
          // The shell (header, routes' frame) and the assessment session are places every task is shown in.
          return own !== null && task !== null && task !== own && !['shell', 'assessment', 'pdf'].includes(task) && own !== 'shell';
        })
        .map(({ ref }) => `${from} imports ${ref.specifier}`);
    });
    expect(offences).toEqual([]);
  });
});
