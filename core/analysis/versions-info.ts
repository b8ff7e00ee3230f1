/** What an analysis across checklist versions tells its reader about the versions it counts and leaves out. */
import { localize } from '../checklist/localized';
import type { LoadedPack } from '../checklist/load';
import { compareVersions, type VersionMap } from './across-versions';
import type { AnalysisLabels } from './labels';
import type { VersionsInfo } from './model';

export function versionsInfo(
  target: LoadedPack,
  maps: readonly VersionMap[],
  used: readonly string[],
  leftOut: ReadonlyMap<string, number>,
  labels: AnalysisLabels,
): VersionsInfo {
  const countries = (version: string) => used.filter((v) => v === version).length;
  const older = [...maps].sort((a, b) => compareVersions(b.from.pack.version, a.from.pack.version));
  return {
    target: target.pack.version,
    counted: [
      { version: target.pack.version, countries: countries(target.pack.version), notCounted: [] },
      ...older.map((m) => ({
        version: m.from.pack.version,
        countries: countries(m.from.pack.version),
        notCounted: m.notCounted.map(({ itemId, reason }) => {
          const item = m.from.items.get(itemId);
          return { itemId, reason, question: item ? localize(item.text, labels.language).text : itemId };
        }),
      })),
    ],
    leftOut: [...leftOut].sort(([a], [b]) => compareVersions(b, a)).map(([version, n]) => ({ version, countries: n })),
  };
}
