/** A clock for the gateway's report cache (GatewayDependencies.reportCacheClock): starts at real time, moves only when told. */
export function testClock(): { now: () => number; advanceSeconds(seconds: number): void } {
  let at = Date.now();
  return { now: () => at, advanceSeconds: (seconds) => void (at += seconds * 1000) };
}
