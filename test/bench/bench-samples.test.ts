import { medianOf, pairedMedianRatio, perProcessMedians, spreadOf, type Sample } from '../../tools/bench/samples';

const sample = (process: number, round: number, cpuPerRequest: number | undefined, requestsPerSecond = 1000): Sample => ({ process, round, cpuPerRequest, requestsPerSecond, p50Ms: 1, p99Ms: 2, failures: 0 });

describe('benchmark samples over processes and rounds', () => {
  // Three processes of one build, two rounds each: process 1 sized its heap worse and stays slower.
  const row = [sample(0, 0, 600), sample(0, 1, 620), sample(1, 2, 950), sample(1, 3, 990), sample(2, 4, 640), sample(2, 5, 660)];

  it('takes the median over every (process, round) run', () => {
    expect(medianOf(row, 'cpuPerRequest')).toBe(650);
  });

  it('takes each process\'s own median, in process order', () => {
    expect(perProcessMedians([...row].reverse(), 'cpuPerRequest')).toEqual([610, 970, 650]);
  });

  it('spreads from the lowest to the highest per-process median', () => {
    expect(spreadOf(row, 'cpuPerRequest')).toEqual({ min: 610, max: 970 });
  });

  it('has no spread with one process, however many rounds', () => {
    expect(spreadOf([sample(0, 0, 100), sample(0, 1, 300)], 'cpuPerRequest')).toBeUndefined();
  });

  it('leaves out runs whose CPU could not be read', () => {
    const partly = [sample(0, 0, undefined), sample(0, 1, 500), sample(1, 2, undefined)];
    expect(medianOf(partly, 'cpuPerRequest')).toBe(500);
    expect(perProcessMedians(partly, 'cpuPerRequest')).toEqual([500]);
    expect(medianOf([sample(0, 0, undefined)], 'cpuPerRequest')).toBeUndefined();
  });

  it('pairs two rows by round, not by position', () => {
    // Listed in another order; paired by position the ratios would be 1 and 0.25.
    const current = [sample(0, 0, 500), sample(1, 1, 250)];
    const baseline = [sample(1, 1, 500), sample(0, 0, 1000)];
    expect(pairedMedianRatio(current, baseline, 'cpuPerRequest')).toBe(0.5);
  });

  it('pairs only rounds both rows measured', () => {
    // The baseline row was skipped in round 1 (its probe failed in that process).
    const current = [sample(0, 0, 400), sample(1, 1, 9999), sample(2, 2, 600)];
    const baseline = [sample(0, 0, 1000), sample(2, 2, 1000)];
    expect(pairedMedianRatio(current, baseline, 'cpuPerRequest')).toBe(0.5);
    expect(pairedMedianRatio(current, baseline, 'requestsPerSecond')).toBe(1);
  });

  it('refuses a ratio of rows that share no measured round', () => {
    expect(() => pairedMedianRatio([sample(0, 0, 1)], [sample(0, 1, 1)], 'cpuPerRequest')).toThrow('no round measured cpuPerRequest of both rows');
  });
});
