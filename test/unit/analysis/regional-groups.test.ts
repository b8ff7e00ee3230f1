// The table of UN regional groups behind the analysis filters (source: DGACM).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UN_MEMBER_STATES } from '../../../core/i18n/countries';
import { REGIONAL_GROUPS_SOURCE, memberStatesWithoutGroup, regionalGroupOf, regionalTable } from '../../../core/analysis/regional-groups';

describe('UN regional groups', () => {
  it('places each of the 193 Member States in one group, and the two observer States apart', () => {
    const table = regionalTable();
    expect(table.size).toBe(195);
    expect(memberStatesWithoutGroup()).toEqual([]);
    expect(UN_MEMBER_STATES.every((code) => table.get(code) !== 'observer')).toBe(true);
    const sizes: Record<string, number> = {};
    for (const group of table.values()) sizes[group] = (sizes[group] ?? 0) + 1;
    expect(sizes).toEqual({ african: 54, 'asia-pacific': 54, 'eastern-european': 23, 'latin-american-caribbean': 33, 'western-european-other': 29, observer: 2 });
  });

  it('follows DGACM on the special cases', () => {
    expect(regionalGroupOf('TUR')).toBe('western-european-other');
    expect(regionalGroupOf('USA')).toBe('western-european-other');
    expect(regionalGroupOf('ISR')).toBe('western-european-other');
    expect(regionalGroupOf('KIR')).toBe('asia-pacific');
    expect(regionalGroupOf('CYP')).toBe('asia-pacific');
    expect(regionalGroupOf('VAT')).toBe('observer');
    expect(regionalGroupOf('PSE')).toBe('observer');
    expect(regionalGroupOf('XXX')).toBeNull();
  });

  it('names its source, in the code and in every export', () => {
    expect(REGIONAL_GROUPS_SOURCE).toContain('Department for General Assembly and Conference Management');
    const en = JSON.parse(readFileSync(path.resolve(__dirname, '../../../locales/en/analysis.json'), 'utf8'));
    expect(en.about.groupsSourceValue).toContain('Department for General Assembly and Conference Management');
  });
});
