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
