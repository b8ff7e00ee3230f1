import type { BundleFacts, DecisionKind, IndexFile, Reason, StoredSubmission } from './schemas';

export interface Decision {
  kind: DecisionKind;
  reason?: Reason;
  /** The stored submission this one duplicates, countersigns (and replaces), supersedes or conflicts with. */
  other?: StoredSubmission;
}

const subset = (a: readonly string[], b: readonly string[]) => a.every((x) => b.includes(x));

/**
 * The decision for a valid bundle, given what the workspace already stores (docs/formats/workspace.md
 * "Decisions"). Pure: the caller verified the bundle and looked its signers up in the registry.
 *
 * 1. Same External-Identifier and tag manifest, no signature the stored one lacks: `duplicate`.
 * 2. No signer registered for its country on its date: `held`.
 * 3. Same External-Identifier and tag manifest, with every stored signature and more: `countersigned`.
 * 4. Same External-Identifier otherwise (other content, or other signers only): `conflict`.
 * 5. Same country, checklist and revision, another identifier: `conflict`.
 * 6. Later than every stored revision of its country and checklist: `supersedes`.
 * 7. Otherwise (the first, or an earlier revision arriving late): `imported`.
 */
export function decide(facts: BundleFacts, accepted: boolean, held: Reason, index: Pick<IndexFile, 'submissions'>): Decision {
  const sameId = index.submissions.filter((s) => s.externalIdentifier === facts.externalIdentifier);
  const sameContent = sameId.filter((s) => s.tagManifestSha256 === facts.tagManifestSha256);
  const covering = sameContent.find((s) => subset(facts.fingerprints, s.fingerprints));
  if (covering) return { kind: 'duplicate', other: covering };
  if (!accepted) return { kind: 'held', reason: held };
  const extended = sameContent.find((s) => subset(s.fingerprints, facts.fingerprints));
  if (extended) return { kind: 'countersigned', other: extended };
  if (sameId.length > 0) {
    const other = sameId[0] as StoredSubmission;
    const code = sameContent.length > 0 ? 'otherSigners' : 'sameIdentifier';
    return { kind: 'conflict', other, reason: { code: `secretariat:reasons.${code}`, params: { file: other.file } } };
  }
  const series = index.submissions.filter((s) => s.country === facts.country && s.checklistId === facts.checklistId);
  const rival = series.find((s) => s.submissionRevision === facts.submissionRevision);
  if (rival) {
    return { kind: 'conflict', other: rival, reason: { code: 'secretariat:reasons.sameRevision', params: { revision: facts.submissionRevision, file: rival.file } } };
  }
  const latest = series.reduce<StoredSubmission | undefined>((best, s) => (!best || s.submissionRevision > best.submissionRevision ? s : best), undefined);
  if (latest && facts.submissionRevision > latest.submissionRevision) return { kind: 'supersedes', other: latest };
  return { kind: 'imported' };
}
