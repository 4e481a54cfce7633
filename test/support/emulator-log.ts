import type { LoggedRequest } from '../../emulator/emulator.types';

/** The sub-requests of a logged POST /$batch. */
export function batchItems(entry: LoggedRequest): { id: string; method: string; url: string }[] {
  return (JSON.parse(entry.bodyText) as { requests: { id: string; method: string; url: string }[] }).requests;
}
