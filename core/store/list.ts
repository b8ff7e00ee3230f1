import { promises as fs } from 'node:fs';
import type { Draft } from '../draft/schema';
import { assessmentPaths, assessmentsRoot } from './layout';
import { readDraftFile } from './read';

/** Summary of one assessment on disk, for the list of assessments. */
export interface StoredAssessment {
  id: string;
  countryCode: string;
  checklistId: string;
  checklistVersion: string;
  responseLanguage: Draft['assessment']['responseLanguage'];
  revision: number;
  updatedAt: string;
}

/** Assessments under `dataDir` with a readable draft, most recently updated first. Read-only: no lock, no recovery. */
export async function listAssessments(dataDir: string): Promise<StoredAssessment[]> {
  const names = await fs.readdir(assessmentsRoot(dataDir)).catch(() => [] as string[]);
  const out: StoredAssessment[] = [];
  for (const name of names) {
    let file: string;
    try {
      file = assessmentPaths(dataDir, name).draft;
    } catch {
      continue;
    }
    const r = await readDraftFile(file);
    if (!r.ok) continue;
    const d = r.draft;
    out.push({
      id: name,
      countryCode: d.assessment.countryCode,
      checklistId: d.checklist.id,
      checklistVersion: d.checklist.version,
      responseLanguage: d.assessment.responseLanguage,
      revision: d.revision,
      updatedAt: d.updatedAt,
    });
  }
  return out.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
}
