import { entryInForce } from '../bundle/registry';
import type { BundleFacts, Reason, RegistryEntry, Signer } from './schemas';

/** Each signer of a bundle with the role the registry gives its key for the bundle's country on its Bagging-Date (null: none). */
export function signersOf(registry: readonly RegistryEntry[], facts: Pick<BundleFacts, 'fingerprints' | 'country' | 'baggingDate'>): Signer[] {
  return facts.fingerprints.map((fingerprint) => {
    const entry = registry.find((k) => k.fingerprint === fingerprint && k.country === facts.country && entryInForce(k, facts.baggingDate));
    return entry ? { fingerprint, role: entry.role, name: entry.name } : { fingerprint, role: null };
  });
}

/** Whether the bundle may be filed: at least one signer's key is registered for its country on its date. */
export function isAccepted(signers: readonly Signer[]): boolean {
  return signers.some((s) => s.role !== null);
}

/**
 * Why a valid bundle is held, as precisely as the registry allows: its key is registered for other
 * countries only, or for this country but not on the bundle's date (not yet valid, expired,
 * revoked), or not at all.
 */
export function heldReason(registry: readonly RegistryEntry[], facts: Pick<BundleFacts, 'fingerprints' | 'country' | 'baggingDate'>): Reason {
  const entries = registry.filter((k) => facts.fingerprints.includes(k.fingerprint));
  const here = entries.filter((k) => k.country === facts.country);
  if (here.length > 0) {
    const revoked = here.find((k) => k.revokedAt !== undefined && k.revokedAt <= facts.baggingDate);
    if (revoked) return { code: 'secretariat:reasons.keyRevoked', params: { country: facts.country, date: revoked.revokedAt ?? '', baggingDate: facts.baggingDate } };
    return { code: 'secretariat:reasons.keyNotInForce', params: { country: facts.country, baggingDate: facts.baggingDate } };
  }
  if (entries.length > 0) {
    const countries = [...new Set(entries.map((k) => k.country))].sort().join(', ');
    return { code: 'secretariat:reasons.otherCountry', params: { country: facts.country, countries } };
  }
  return { code: 'secretariat:reasons.notRegistered', params: { country: facts.country } };
}
