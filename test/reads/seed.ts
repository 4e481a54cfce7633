import { sampleEntities, type StoredEntity } from '../../emulator/entity-store';
import type { LoggedRequest } from '../../emulator/emulator.types';

/** Ids e-01 … e-NN with distinct, checkable values (windows = 1000 + n), plus the sample entities. */
export function manyEntities(count: number): StoredEntity[] {
  const generated = Array.from({ length: count }, (_, i): StoredEntity => {
    const n = i + 1;
    return {
      id: `e-${String(n).padStart(2, '0')}`,
      reportRefreshDate: '2026-11-01',
      productType: `Product ${n}`,
      windows: BigInt(1000 + n),
      mac: BigInt(2000 + n),
      android: null,
      ios: 9007199254740993n + BigInt(n),
      windows10Mobile: 0n,
    };
  });
  return [...sampleEntities(), ...generated];
}

export function entityId(n: number): string {
  return `e-${String(n).padStart(2, '0')}`;
}

/** The sub-requests of a logged POST /$batch. */
export function batchItems(entry: LoggedRequest): { id: string; method: string; url: string }[] {
  return (JSON.parse(entry.bodyText) as { requests: { id: string; method: string; url: string }[] }).requests;
}
