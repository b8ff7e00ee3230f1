// Formatting of benchmark results: plain-text tables for the terminal, Markdown for bench/results.md.
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';

/** The machine the figures come from. */
export async function machine() {
  const cpuinfo = await fs.readFile('/proc/cpuinfo', 'utf8').catch(() => '');
  const cpu = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown CPU';
  let chromium = 'not found';
  try {
    chromium = execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // reported as not found
  }
  let openssl = 'not found';
  try {
    openssl = execFileSync('openssl', ['version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // reported as not found
  }
  return {
    cpu,
    cores: os.cpus().length,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
    node: process.versions.node,
    os: `${os.type()} ${os.release()}`,
    chromium,
    openssl,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    load: os.loadavg()[0].toFixed(2),
  };
}

function pad(cells, widths) {
  return cells.map((c, i) => String(c).padEnd(widths[i] ?? 0)).join('  ').trimEnd();
}

function textTable(t) {
  const all = [t.head, ...t.rows];
  const widths = t.head.map((_, i) => Math.max(...all.map((r) => String(r[i] ?? '').length)));
  const lines = [];
  if (t.title) lines.push(t.title);
  lines.push(pad(t.head, widths), widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of t.rows) lines.push(pad(row, widths));
  return lines.join('\n') + '\n';
}

export function renderText(r) {
  if (r.skipped) return `skipped: ${r.skipped}\n`;
  let out = '';
  if (r.failed) out += `FAILED: ${r.failed}\n`;
  for (const t of r.tables) out += textTable(t) + '\n';
  for (const c of r.checks) out += `${c.pass ? 'PASS' : 'FAIL'}  ${c.what}: ${c.value} (target ${c.target})\n`;
  return out;
}

const md = (s) => String(s).replace(/\|/g, '\\|');

function mdTable(t) {
  const lines = [];
  if (t.title) lines.push(`${md(t.title)}:`, '');
  lines.push(`| ${t.head.map(md).join(' | ')} |`, `|${t.head.map(() => '---').join('|')}|`);
  for (const row of t.rows) lines.push(`| ${row.map(md).join(' | ')} |`);
  return lines.join('\n') + '\n';
}

export function renderMarkdown(info, results) {
  const out = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (see docs/benchmarks.md for what each figure means). Do not edit by hand.',
    '',
    `- Date: ${info.date}`,
    `- CPU: ${info.cpu}, ${info.cores} cores (shared with other work while this ran)`,
    `- Memory: ${info.memory}`,
    `- Node ${info.node}, ${info.os}`,
    `- Load average (1 min) when the run started: ${info.load}${info.loadEnd ? `; when it ended: ${info.loadEnd}` : ''} (other work on the machine makes every figure slower and noisier)`,
    `- ${info.chromium}; ${info.openssl}`,
    '',
    '## Summary',
    '',
    '| benchmark | check | value | target | result |',
    '|---|---|---|---|---|',
  ];
  for (const r of results) {
    if (r.skipped) out.push(`| ${md(r.title)} | – | – | – | skipped: ${md(r.skipped)} |`);
    else if (r.failed && r.checks.length === 0) out.push(`| ${md(r.title)} | – | – | – | failed: ${md(r.failed)} |`);
    for (const c of r.checks) out.push(`| ${md(r.title)} | ${md(c.what)} | ${md(c.value)} | ${md(c.target)} | ${c.pass ? 'pass' : '**fail**'} |`);
  }
  for (const r of results) {
    out.push('', `## ${r.title}`, '');
    if (r.skipped) {
      out.push(`Skipped: ${r.skipped}`);
      continue;
    }
    if (r.failed) out.push(`Failed: ${r.failed}`, '');
    for (const t of r.tables) out.push(mdTable(t));
    for (const n of r.notes) out.push(`- ${n}`);
    if (r.seconds) out.push('', `(${r.seconds.toFixed(0)} s including setup; load average ${r.load ?? '?'} when it started)`);
  }
  return out.join('\n') + '\n';
}
