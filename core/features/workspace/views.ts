/** The engine's records as the workspace screens see them (the contract's view shapes). */
import type { ImportDecision, RegistryEntry, RegistryLogLine, Signer } from '../../secretariat';
import type { DecisionView, RegistryEntryView, RegistryLogView, SignerView } from './contract-registry';

export function signerView(s: Signer): SignerView {
  return { fingerprint: s.fingerprint, role: s.role, ...(s.name ? { name: s.name } : {}) };
}

/** One decision; `shown` maps the path the engine read to the name the analyst knows (a staged upload's own name). */
export function decisionView(d: ImportDecision, shown: (p: string) => string = (p) => p): DecisionView {
  const f = d.facts;
  return {
    path: shown(d.path),
    decision: d.decision,
    ...(d.reason ? { reason: { code: d.reason.code, params: d.reason.params } } : {}),
    ...(f
      ? { country: f.country, checklistId: f.checklistId, submissionRevision: f.submissionRevision, externalIdentifier: f.externalIdentifier, baggingDate: f.baggingDate }
      : {}),
    ...(d.signers ? { signers: d.signers.map(signerView) } : {}),
    ...(d.file ? { file: d.file } : {}),
    ...(d.other ? { other: d.other } : {}),
  };
}

export function entryView(e: RegistryEntry): RegistryEntryView {
  const { publicKeyPem: _pem, ...rest } = e;
  return rest;
}

export function logView(l: RegistryLogLine): RegistryLogView {
  return {
    at: l.at,
    action: l.action,
    fingerprint: l.fingerprint,
    countries: [...new Set(l.entries.map((e) => e.country))].sort(),
    ...(l.date ? { date: l.date } : {}),
    ...(l.replacedBy ? { replacedBy: l.replacedBy } : {}),
  };
}
