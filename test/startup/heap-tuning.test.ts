import { operatorSetHeapGrowth } from '../../src/runtime/heap-tuning';

describe('operatorSetHeapGrowth', () => {
  it("sees the operator's --heap-growing-percent on the command line or in NODE_OPTIONS, in either spelling", () => {
    expect(operatorSetHeapGrowth(['--heap-growing-percent=100'], undefined)).toBe(true);
    expect(operatorSetHeapGrowth(['--heap_growing_percent=50'], undefined)).toBe(true);
    expect(operatorSetHeapGrowth([], '--max-old-space-size=512 --heap-growing-percent=80')).toBe(true);
    expect(operatorSetHeapGrowth([], '--heap-growing-percent 80')).toBe(true);
  });

  it('is false for other flags, including look-alikes', () => {
    expect(operatorSetHeapGrowth(['--enable-source-maps'], '--max-old-space-size=512')).toBe(false);
    expect(operatorSetHeapGrowth([], undefined)).toBe(false);
    expect(operatorSetHeapGrowth(['--heap-growing-percentage=5'], '')).toBe(false);
  });
});
