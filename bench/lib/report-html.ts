// The same report model as a plain HTML page for Chromium's page.pdf(): cover, people, contents,
// sections and items with their fields and tables, a fixed "draft" mark, the same TTF fonts.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { directionOf } from '../../core/i18n/languages';
import { createLabels } from '../../core/pdf/labels';
import type { ReportModel } from '../../core/pdf/report-model';

const req = createRequire(__filename);
const font = (pkg: string, file: string): string => pathToFileURL(req.resolve(`${pkg}/${file}`)).href;

const FACES: [string, string, string, number][] = [
  ['Noto Sans', '@expo-google-fonts/noto-sans', '400Regular/NotoSans_400Regular.ttf', 400],
  ['Noto Sans', '@expo-google-fonts/noto-sans', '700Bold/NotoSans_700Bold.ttf', 700],
  ['Noto Sans SC', '@expo-google-fonts/noto-sans-sc', '400Regular/NotoSansSC_400Regular.ttf', 400],
  ['Noto Sans SC', '@expo-google-fonts/noto-sans-sc', '700Bold/NotoSansSC_700Bold.ttf', 700],
  ['Amiri', '@expo-google-fonts/amiri', '400Regular/Amiri_400Regular.ttf', 400],
  ['Amiri', '@expo-google-fonts/amiri', '700Bold/Amiri_700Bold.ttf', 700],
];

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const para = (s: string): string => esc(s).replace(/\n/g, '<br>');

function families(lang: string): string {
  if (lang === 'ar') return "'Amiri', 'Noto Sans', 'Noto Sans SC'";
  if (lang === 'zh') return "'Noto Sans SC', 'Noto Sans', 'Amiri'";
  return "'Noto Sans', 'Noto Sans SC', 'Amiri'";
}

/** The HTML page, and header/footer templates for page.pdf(). */
export function reportHtml(model: ReportModel): { html: string; header: string; footer: string } {
  const l = createLabels(model.language);
  const fontFaces = FACES.map(([family, pkg, file, weight]) => `@font-face{font-family:'${family}';src:url('${font(pkg, file)}') format('truetype');font-weight:${weight};}`).join('\n');
  const body: string[] = [];
  body.push(
    `<section class="cover"><p>${esc(l.t('cover.kicker'))}</p><h1>${esc(model.title)}</h1><p>${esc(l.t('cover.mechanism'))}</p><dl>`,
    `<dt>${esc(l.t('cover.country'))}</dt><dd>${esc(model.country)}</dd>`,
    `<dt>${esc(l.t('cover.checklist'))}</dt><dd>${esc(`${model.checklist.id} ${model.checklist.version}`)}</dd>`,
    `<dt>${esc(l.t('cover.revision'))}</dt><dd>${model.revision}</dd><dt>${esc(l.t('cover.date'))}</dt><dd>${esc(model.date)}</dd>`,
    `<dt>${esc(l.t('cover.status'))}</dt><dd>${esc(l.t('status.draft'))}</dd><dt>${esc(l.t('cover.author'))}</dt><dd>${esc(model.author)}</dd></dl></section>`,
  );
  body.push(`<section class="page"><h2>${esc(l.t('focalPoints'))}</h2>`);
  for (const p of model.focalPoints) body.push(`<p><b>${esc(p.name)}</b><br>${[p.role, p.institution, p.email, p.phone].filter(Boolean).map((s) => esc(s ?? '')).join('<br>')}</p>`);
  body.push(`<h2>${esc(l.t('institutions'))}</h2><ul>${model.institutions.map((i) => `<li>${esc(i.name)}</li>`).join('')}</ul></section>`);
  body.push(`<nav class="page"><h2>${esc(l.t('contents'))}</h2><ol>`);
  for (const s of model.sections) body.push(`<li><a href="#s-${esc(s.id)}">${esc(s.title)}</a><ol>${s.items.map((i) => `<li><a href="#i-${esc(i.id)}">${esc(i.id)} ${esc(i.question)}</a></li>`).join('')}</ol></li>`);
  body.push('</ol></nav>');
  for (const s of model.sections) {
    body.push(`<section class="page"><h2 id="s-${esc(s.id)}">${esc(s.title)}</h2>`);
    for (const item of s.items) {
      body.push(`<article><h3 id="i-${esc(item.id)}">${esc(item.id)} ${esc(item.question)}</h3><p class="meta">${esc(l.t('item.status'))}: ${esc(item.statusLabel)}</p>`);
      for (const f of item.fields) body.push(`${f.label.trim() ? `<p class="label">${esc(f.label)}</p>` : ''}<p>${para(f.value)}</p>`);
      for (const t of item.tables) {
        body.push(`<table>${t.caption ? `<caption>${esc(t.caption)}</caption>` : ''}<thead><tr>${t.columns.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>`);
        for (const row of t.rows) body.push(`<tr>${row.map((c) => `<td>${para(c)}</td>`).join('')}</tr>`);
        body.push('</tbody></table>');
      }
      body.push('</article>');
    }
    body.push('</section>');
  }
  const css = `${fontFaces}
body{font-family:${families(model.language)};font-size:10.5pt;line-height:1.35;margin:0;color:#111}
.cover{page-break-after:always;padding-top:30mm}.page{page-break-before:always}
h1{font-size:22pt}h2{font-size:15pt}h3{font-size:11pt;break-after:avoid}
.meta,.label{font-size:8.5pt;color:#555;margin:2pt 0}.label{font-weight:700}
table{border-collapse:collapse;width:100%;font-size:8.5pt;margin:4pt 0}th,td{border:0.5pt solid #999;padding:2pt 3pt;vertical-align:top;text-align:start}
thead{display:table-header-group}tr{break-inside:avoid}
.mark{position:fixed;top:45%;left:0;right:0;text-align:center;font-size:90pt;color:rgba(200,0,0,0.08);transform:rotate(-35deg)}`;
  const html = `<!doctype html><html lang="${model.language}" dir="${directionOf(model.language)}"><head><meta charset="utf-8"><title>${esc(model.title)}</title><style>${css}</style></head><body><div class="mark">${esc(l.t('watermark'))}</div>${body.join('\n')}</body></html>`;
  const small = `font-family:${families(model.language)};font-size:8pt;width:100%;margin:0 15mm;direction:${directionOf(model.language)}`;
  const header = `<div style="${small}">${esc(l.t('header', { country: model.country, checklist: `${model.checklist.title ?? model.checklist.id} ${model.checklist.version}` }))}</div>`;
  const footer = `<div style="${small};text-align:center"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`;
  return { html, header, footer };
}
