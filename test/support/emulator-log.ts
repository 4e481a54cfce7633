import type { LoggedRequest } from '../../emulator/emulator.types';

/** The sub-requests of a logged POST /$batch. */
export function batchItems(entry: LoggedRequest): { id: string; method: string; url: string }[] {
  return (JSON.parse(entry.bodyText) as { requests: { id: string; method: string; url: string }[] }).requests;
}

/** Most requests received within `windowMs` of one another: when each takes longer than that, those were in flight together. */
export function mostReceivedWithin(requests: readonly LoggedRequest[], windowMs: number): number {
  const times = requests.map((r) => r.receivedAt!).sort((a, b) => a - b);
  return Math.max(0, ...times.map((t, i) => times.slice(i).filter((u) => u - t < windowMs).length));
}
