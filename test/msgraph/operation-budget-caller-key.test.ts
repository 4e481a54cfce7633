import { OperationBudget, UNLIMITED_OPERATION } from '../../src/msgraph/operation-budget';
import { callerKeyOf, tokenHash } from '../../src/security/token-hash';

describe('OperationBudget.callerKeyFor', () => {
  const mine = 'Bearer token-of-caller-a';
  const budget = new OperationBudget(UNLIMITED_OPERATION, callerKeyOf(mine), mine);

  it("answers the operation's own key for its own header, and the token's hash whatever the scheme's case", () => {
    expect(budget.callerKeyFor(mine)).toBe(budget.callerKey);
    expect(budget.callerKey).toBe(tokenHash('token-of-caller-a'));
    expect(budget.callerKeyFor('bearer token-of-caller-a')).toBe(budget.callerKey);
  });

  it("never answers the operation's key for another token, even one that differs only in case", () => {
    expect(budget.callerKeyFor('Bearer token-of-caller-b')).toBe(tokenHash('token-of-caller-b'));
    expect(budget.callerKeyFor('Bearer TOKEN-of-caller-a')).not.toBe(budget.callerKey);
  });

  it('computes the key of any header when it was built without one (unit tests of single layers)', () => {
    const unattributed = new OperationBudget(UNLIMITED_OPERATION, 'unattributed');
    expect(unattributed.callerKeyFor(mine)).toBe(tokenHash('token-of-caller-a'));
  });
});

describe('OperationBudget.callerKey and callerIdentity', () => {
  it('hashes the token only when the key is first asked for, and once', () => {
    const hash = jest.fn(() => callerKeyOf('Bearer lazy-caller'));
    const budget = new OperationBudget(UNLIMITED_OPERATION, hash, 'Bearer lazy-caller');
    // The in-flight identity needs no hash: a write that shares no call never computes one.
    expect(budget.callerIdentity).toBe('token lazy-caller');
    expect(hash).not.toHaveBeenCalled();
    expect(budget.callerKey).toBe(tokenHash('lazy-caller'));
    expect(budget.callerKey).toBe(tokenHash('lazy-caller'));
    expect(hash).toHaveBeenCalledTimes(1);
  });

  it('is one identity whatever the case of the scheme, another for another token, and never a key', () => {
    const identityOf = (authorization: string) => new OperationBudget(UNLIMITED_OPERATION, () => callerKeyOf(authorization), authorization).callerIdentity;
    expect(identityOf('bearer token-a')).toBe(identityOf('Bearer token-a'));
    expect(identityOf('Bearer token-b')).not.toBe(identityOf('Bearer token-a'));
    expect(identityOf('Bearer TOKEN-a')).not.toBe(identityOf('Bearer token-a'));
    // A token that happens to look like some caller's hash is still not that caller.
    const key = tokenHash('token-a');
    expect(identityOf(`Bearer ${key}`)).not.toBe(new OperationBudget(UNLIMITED_OPERATION, key).callerIdentity);
  });
});
