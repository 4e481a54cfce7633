import { ReportProofs } from '../../src/activation-counts/report/report-proofs';
import { mayShareTenantCopy, type SharingInput } from '../../src/activation-counts/report/report-sharing-rule';

const NOW = Date.parse('2026-12-01T09:00:00Z');
const HOUR = 3_600_000;
const proven = { tid: 'contoso', expiresAt: NOW + HOUR };

function decide(overrides: Partial<SharingInput>) {
  return mayShareTenantCopy({ claims: proven, proof: { provenAt: NOW - 60_000 }, copyTid: 'contoso', now: NOW, proofMaxSeconds: 3600, ...overrides });
}

describe('the tenant-scope sharing rule', () => {
  it.each<[string, Partial<SharingInput>, object]>([
    ['a proven token of the same tid shares', {}, { share: true }],
    ['a token that is not a JWT', { claims: undefined }, { share: false, reason: 'not-a-jwt' }],
    ['a JWT without tid', { claims: { expiresAt: NOW + HOUR } }, { share: false, reason: 'no-tid' }],
    ['a JWT without exp', { claims: { tid: 'contoso' } }, { share: false, reason: 'no-exp' }],
    ['an expired token, even with a proof', { claims: { ...proven, expiresAt: NOW } }, { share: false, reason: 'token-expired' }],
    ['a forged JWT with the right tid but no proof (Graph never accepted it)', { proof: undefined }, { share: false, reason: 'no-proof' }],
    ['a proof exactly REPORT_PROOF_MAX_SECONDS old', { proof: { provenAt: NOW - HOUR } }, { share: false, reason: 'proof-too-old' }],
    ['a proof one ms younger than the limit', { proof: { provenAt: NOW - HOUR + 1 } }, { share: true }],
    ['a shorter REPORT_PROOF_MAX_SECONDS', { proofMaxSeconds: 30 }, { share: false, reason: 'proof-too-old' }],
    ['a proven token of another tid', { copyTid: 'fabrikam' }, { share: false, reason: 'other-tenant' }],
  ])('%s', (_case, overrides, expected) => {
    expect(decide(overrides)).toEqual(expected);
  });
});

describe('ReportProofs', () => {
  it('remembers the newest proof per caller key, forgets on refusal, and stays bounded', () => {
    const proofs = new ReportProofs(2);
    proofs.record('caller:a', 10);
    proofs.record('caller:a', 5);
    expect(proofs.get('caller:a')).toEqual({ provenAt: 10 }); // an older answer arriving late does not shorten the proof
    proofs.forget('caller:a');
    expect(proofs.get('caller:a')).toBeUndefined();
    proofs.record('caller:b', 1);
    proofs.record('caller:c', 1);
    proofs.record('caller:d', 1);
    expect(proofs.get('caller:b')).toBeUndefined(); // least recently used goes first
    expect(proofs.get('caller:d')).toEqual({ provenAt: 1 });
  });
});
