/**
 * Finds every message key the code uses and the params it gives, read with the TypeScript parser (as
 * boundaries.test.ts reads imports): `t('ns:key', {…})` and its aliases (`ctx.t`, `labels.t`, a
 * `useTranslation('ns')` binding), `new AppError('ns:errors.x', {…})`, `new UsageError(…)`,
 * `new BundleInvalid(reason, {…})`, objects `{ code: 'ns:x.y', params: {…} }` (API errors, notices)
 * and `{ messageKey | key: 'x.y', params: {…} }`, and any literal `'ns:x.y'` elsewhere. Signal
 * Desktop's `valid-i18n-keys` lint is the model; this adds the params.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Every namespace the locales hold (one JSON file each in locales/en). */
export const NAMESPACES = readdirSync(path.resolve(__dirname, '../../../locales/en'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));
const NS_KEY = new RegExp(`^(${NAMESPACES.join('|')}):[A-Za-z][\\w.]*[A-Za-z0-9]$`);
// A literal on its own is taken for a key only with a dot: `bundle:export` is an IPC channel.
const NS_DOTTED_KEY = new RegExp(`^(${NAMESPACES.join('|')}):[A-Za-z]\\w*(\\.\\w+)+$`);
const BARE_KEY = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_]+)+$/;

/** Params given with a key: the names, or `open` when the code passes something not known statically. */
export type Given = { open: true } | { open: false; names: Set<string> };

export interface KeyUse {
  /** `ns:key`, or a RegExp for a key built from a template (`validate.damaged.${reason}`). */
  key: string | RegExp;
  /** The params, or null when the use only names the key (a literal passed on, a code compared). */
  given: Given | null;
  where: string;
}

function sources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(full);
    return /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The namespace a bare key means in a file, before any `useTranslation('ns')` says otherwise. */
function fileNamespace(rel: string): string {
  if (rel.startsWith('cli/')) return 'cli';
  if (rel.startsWith('core/pdf/')) return 'report';
  // An engine with a namespace of its own speaks it by default (core/analysis → analysis…).
  const engine = /^core\/([a-z-]+)\//.exec(rel)?.[1];
  if (engine && engine !== 'api' && NAMESPACES.includes(engine)) return engine;
  return 'common';
}

const qualify = (key: string, ns: string) => (key.includes(':') ? key : `${ns}:${key}`);

/** Names of the object literal every `return` of a function gives, for helpers like `describeIssues`. */
function returnedNames(files: ts.SourceFile[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const file of files) {
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionDeclaration(node) && node.name && node.body) {
        const names = new Set<string>();
        let closed = true;
        const scan = (n: ts.Node): void => {
          if (ts.isReturnStatement(n) && n.expression) {
            if (ts.isObjectLiteralExpression(n.expression)) objectNames(n.expression, names) || (closed = false);
            else closed = false;
          }
          if (!ts.isFunctionLike(n)) ts.forEachChild(n, scan);
        };
        ts.forEachChild(node.body, scan);
        if (closed && names.size > 0) out.set(node.name.text, names);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return out;
}

/** Adds an object literal's property names to `names`; false when a spread makes the set unknowable. */
function objectNames(obj: ts.ObjectLiteralExpression, names: Set<string>): boolean {
  for (const p of obj.properties) {
    if (ts.isSpreadAssignment(p)) {
      if (!ts.isObjectLiteralExpression(p.expression) || !objectNames(p.expression, names)) return false;
    } else if (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) names.add(p.name.text);
    else return false;
  }
  return true;
}

/** The strings a key expression may be: a literal, either branch of `a ? 'x' : 'y'`, a template as a pattern. */
function keyValues(expr: ts.Expression): Array<string | RegExp> | null {
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return [expr.text];
  if (ts.isParenthesizedExpression(expr)) return keyValues(expr.expression);
  if (ts.isConditionalExpression(expr)) {
    const a = keyValues(expr.whenTrue);
    const b = keyValues(expr.whenFalse);
    return a && b ? [...a, ...b] : null;
  }
  if (ts.isTemplateExpression(expr)) {
    const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const source = esc(expr.head.text) + expr.templateSpans.map((s) => `[\\w.]+${esc(s.literal.text)}`).join('');
    return [new RegExp(`^${source}$`)];
  }
  return null;
}

export interface Scan {
  uses: KeyUse[];
  /** Translation calls whose key is computed at run time: counted, so the scanner is seen to look. */
  dynamic: number;
}

/** Scan the code under `roots` (relative to `root`). */
export function scanKeys(root: string, roots: readonly string[]): Scan {
  const files = roots.flatMap((r) => sources(path.join(root, r))).map((f) => ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true));
  const helpers = returnedNames(files);
  const uses: KeyUse[] = [];
  let dynamic = 0;
  for (const file of files) {
    const rel = path.relative(root, file.fileName).split(path.sep).join('/');
    const ns0 = fileNamespace(rel);
    const where = (n: ts.Node) => `${rel}:${file.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;

    const given = (expr: ts.Expression | undefined, scope: ts.Node): Given => {
      if (!expr || (ts.isIdentifier(expr) && expr.text === 'undefined')) return { open: false, names: new Set() };
      if (ts.isObjectLiteralExpression(expr) && expr.properties.length === 0) return { open: false, names: new Set() };
      if (ts.isObjectLiteralExpression(expr)) {
        const names = new Set<string>();
        return objectNames(expr, names) ? { open: false, names } : { open: true };
      }
      if (ts.isCallExpression(expr) && ts.isIdentifier(expr.expression)) {
        const names = helpers.get(expr.expression.text);
        if (names) return { open: false, names: new Set(names) };
      }
      if (ts.isIdentifier(expr)) {
        const found = findConst(scope, expr.text);
        if (found) return given(found, scope);
      }
      return { open: true };
    };

    const add = (keyExpr: ts.Expression | undefined, paramsExpr: ts.Expression | undefined | null, ns: string, node: ts.Node, scope: ts.Node) => {
      if (!keyExpr) return;
      const values = keyValues(keyExpr);
      if (!values) {
        dynamic++;
        return;
      }
      const g = paramsExpr === null ? null : given(paramsExpr, scope);
      for (const v of values) {
        const key = typeof v === 'string' ? qualify(v, ns) : v.source.includes(':') ? v : new RegExp(`^${ns}:${v.source.slice(1)}`);
        uses.push({ key, given: g, where: where(node) });
      }
    };

    const forwarders = findForwarders(file, ns0);
    const visit = (node: ts.Node): void => {
      const via = ts.isCallExpression(node) && ts.isIdentifier(node.expression) ? forwarders.get(node.expression.text) : undefined;
      if (via && ts.isCallExpression(node)) {
        const keyArg = node.arguments[via.keyIndex];
        const inner = via.paramsIndex === null ? undefined : node.arguments[via.paramsIndex];
        const g = given(inner, node);
        const values = keyArg ? keyValues(keyArg) : null;
        if (!values) dynamic++;
        for (const v of values ?? []) {
          const all: Given = g.open ? g : { open: false, names: new Set([...g.names, ...via.extra]) };
          uses.push({ key: typeof v === 'string' ? qualify(v, via.ns) : new RegExp(`^${via.ns}:${v.source.slice(1)}`), given: all, where: where(node) });
        }
      } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
        const [k, p] = node.arguments ?? [];
        const name = node.expression.text;
        if (name === 'AppError') add(k, p, 'common', node, node);
        else if (name === 'UsageError') add(k, p, 'cli', node, node);
        else if (name === 'BundleInvalid' && k && ts.isStringLiteral(k)) uses.push({ key: `bundle:verify.${k.text}`, given: given(p, node), where: where(node) });
      } else if (ts.isCallExpression(node)) {
        const ns = translatorNamespace(node.expression, ns0);
        if (ns !== null) add(node.arguments[0], node.arguments[1], ns, node, node);
      } else if (ts.isObjectLiteralExpression(node)) {
        const prop = (name: string) =>
          node.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === name)?.initializer;
        const params = prop('params');
        for (const name of ['code', 'messageKey', 'key']) {
          const k = prop(name);
          if (k && ts.isStringLiteral(k) && (NS_KEY.test(k.text) || BARE_KEY.test(k.text))) add(k, params ?? undefined, ns0, node, node);
        }
      } else if (ts.isStringLiteral(node) && NS_DOTTED_KEY.test(node.text) && !isCounted(node)) {
        uses.push({ key: node.text, given: null, where: where(node) });
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return { uses, dynamic };
}

interface Forwarder {
  keyIndex: number;
  paramsIndex: number | null;
  /** Params the helper adds itself (`ctx.t(key, { file, ...params })`). */
  extra: string[];
  ns: string;
}

/**
 * Local helpers that pass a key on to a translator, e.g. `const fail = (key, params = {}) =>
 * ctx.err(ctx.t(key, { file, ...params }))`: a call `fail('validate.unreadable')` is then a use of
 * that key with the helper's own params added.
 */
function findForwarders(file: ts.SourceFile, ns0: string): Map<string, Forwarder> {
  const out = new Map<string, Forwarder>();
  const consider = (name: string, fn: ts.SignatureDeclaration & { body?: ts.Node }) => {
    const params = fn.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : ''));
    const scan = (n: ts.Node): void => {
      if (ts.isCallExpression(n) && translatorNamespace(n.expression, ns0) !== null) {
        const [k, p] = n.arguments;
        const keyIndex = k && ts.isIdentifier(k) ? params.indexOf(k.text) : -1;
        if (keyIndex >= 0) {
          let paramsIndex: number | null = null;
          const extra: string[] = [];
          if (p && ts.isIdentifier(p)) paramsIndex = params.indexOf(p.text);
          else if (p && ts.isObjectLiteralExpression(p)) {
            for (const prop of p.properties) {
              if (ts.isSpreadAssignment(prop) && ts.isIdentifier(prop.expression)) paramsIndex = params.indexOf(prop.expression.text);
              else if (prop.name && ts.isIdentifier(prop.name)) extra.push(prop.name.text);
            }
          }
          out.set(name, { keyIndex, paramsIndex: paramsIndex !== null && paramsIndex >= 0 ? paramsIndex : null, extra, ns: translatorNamespace(n.expression, ns0) ?? ns0 });
        }
      }
      ts.forEachChild(n, scan);
    };
    if (fn.body) scan(fn.body);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionDeclaration(node) && node.name) consider(node.name.text, node);
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))) {
      consider(node.name.text, node.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

/** Literals already taken as the key of a call, a `new` or an object above: not counted twice. */
function isCounted(node: ts.StringLiteral): boolean {
  const parent = node.parent;
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.[0] === node) return true;
  if (ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name) && ['code', 'messageKey', 'key'].includes(parent.name.text)) return true;
  return ts.isConditionalExpression(parent);
}

/** `const name = <expr>` visible from `scope` (walking up the enclosing blocks and the file). */
function findConst(scope: ts.Node, name: string): ts.Expression | undefined {
  for (let n: ts.Node | undefined = scope; n; n = n.parent) {
    let found: ts.Expression | undefined;
    n.forEachChild((child) => {
      if (found || !ts.isVariableStatement(child)) return;
      for (const d of child.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === name && d.initializer) found = d.initializer;
    });
    if (found) return found;
  }
  return undefined;
}

/**
 * The namespace a call's callee translates into, or null when it is not a translator: `t`, `x.t`, or
 * a name bound by `const { t: name } = useTranslation('ns')` in an enclosing function.
 */
function translatorNamespace(callee: ts.Expression, fallback: string): string | null {
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text === 't' ? fallback : null;
  if (!ts.isIdentifier(callee)) return null;
  for (let n: ts.Node | undefined = callee.parent; n; n = n.parent) {
    if (!ts.isFunctionLike(n) && !ts.isSourceFile(n)) continue;
    const bound = hookBinding(n, callee.text);
    if (bound !== undefined) return bound;
  }
  return callee.text === 't' ? fallback : null;
}

function hookBinding(fn: ts.Node, name: string): string | undefined {
  let ns: string | undefined;
  const visit = (node: ts.Node): void => {
    if (ns !== undefined) return;
    if (ts.isVariableDeclaration(node) && ts.isObjectBindingPattern(node.name) && node.initializer && ts.isCallExpression(node.initializer)) {
      const call = node.initializer;
      if (ts.isIdentifier(call.expression) && call.expression.text === 'useTranslation') {
        const element = node.name.elements.find((e) => ts.isIdentifier(e.name) && e.name.text === name && (e.propertyName ?? e.name).getText() === 't');
        const arg = call.arguments[0];
        if (element) ns = arg && ts.isStringLiteral(arg) ? arg.text : 'common';
      }
    }
    if (node === fn || !ts.isFunctionLike(node)) ts.forEachChild(node, visit);
  };
  visit(fn);
  return ns;
}
