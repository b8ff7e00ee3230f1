// Arabic is laid out by the same stylesheet as the other languages, flipped by `dir="rtl"`. That only
// works if no rule names a physical side: this test fails on any `left`/`right` in renderer styles.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';

const RENDERER = path.resolve(__dirname, '../../renderer');
const PHYSICAL = /\b(left|right)\b/i;
const PHYSICAL_STYLE_KEY = /^(left|right|(margin|padding|border)(Left|Right)\w*|border(Top|Bottom)(Left|Right)Radius)$/;

function filesUnder(dir: string, ext: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(full, ext);
    return ext.test(entry.name) ? [full] : [];
  });
}

/** Each `property: value` declaration in a stylesheet that names a physical side, with its line. */
function physicalInCss(css: string): string[] {
  const found: string[] = [];
  const code = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  code.split('\n').forEach((line, index) => {
    for (const declaration of line.split(/[;{}]/)) {
      const colon = declaration.indexOf(':');
      if (colon < 0) continue;
      const property = declaration.slice(0, colon).trim();
      // Selectors with pseudo-classes (`a:hover`) are not declarations; a property is a bare identifier.
      if (!/^-?-?[a-z][\w-]*$/i.test(property)) continue;
      if (PHYSICAL.test(declaration)) found.push(`${index + 1}: ${declaration.trim()}`);
    }
  });
  return found;
}

/** Physical sides in inline React style objects (`style={{ marginLeft: 4, textAlign: 'right' }}`). */
function physicalInTsx(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/style=\{\{([\s\S]*?)\}\}/g)) {
    for (const pair of (match[1] ?? '').split(',')) {
      const [rawKey, ...rest] = pair.split(':');
      const key = (rawKey ?? '').trim().replace(/['"]/g, '');
      const value = rest.join(':');
      if (PHYSICAL_STYLE_KEY.test(key) || /['"`](left|right)['"`]/i.test(value)) found.push(pair.trim());
    }
  }
  return found;
}

describe('the detector itself', () => {
  it('catches physical properties and values, and lets logical ones through', () => {
    const css = `
      .a { margin-left: 1rem; padding-right: 2px; border-left: 1px solid; }
      .b { text-align: left; float: right; left: 0; inset-left: 0; }
      .ok:hover { margin-inline-start: 1rem; text-align: start; inset-inline-end: 0; }
      /* a comment about left and right is fine */`;
    expect(physicalInCss(css)).toHaveLength(7);
    expect(physicalInCss('.ok { padding-inline: 1rem; border-inline-start: 2px solid; }')).toEqual([]);
  });

  it('catches physical keys and values in inline style objects', () => {
    expect(physicalInTsx(`<div style={{ marginLeft: 4, textAlign: 'right' }} />`)).toHaveLength(2);
    expect(physicalInTsx(`<div style={{ marginInlineStart: 4, textAlign: 'start' }} />`)).toEqual([]);
  });
});

describe('renderer styles', () => {
  const cssFiles = filesUnder(RENDERER, /\.css$/);

  it('has stylesheets to check', () => {
    expect(cssFiles.length).toBeGreaterThan(0);
  });

  it.each(cssFiles.map((f) => [path.relative(RENDERER, f), f]))('%s uses logical properties only', (_name, file) => {
    expect(physicalInCss(fs.readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('no component uses a physical side in an inline style', () => {
    const offenders = filesUnder(RENDERER, /\.tsx$/).flatMap((file) =>
      physicalInTsx(fs.readFileSync(file, 'utf8')).map((hit) => `${path.relative(RENDERER, file)}: ${hit}`),
    );
    expect(offenders).toEqual([]);
  });
});
