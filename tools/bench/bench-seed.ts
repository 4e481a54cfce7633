import type { StoredEntity } from '../../emulator/entity-store';
import { int64Counts, sampleEntitiesAnd } from '../../test/support/sample-data';

/** Ids the many-entity scenarios read: enough for the 100-id byIds call. */
export function benchIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `bench-${String(i + 1).padStart(3, '0')}`);
}

/**
 * The sample entities plus `count` everyday ones. Everyday counts keep the upstream bodies on
 * JSON.parse's fast path, as most real report rows would; 'big-numbers' is still there for the lossless path.
 */
export function benchSeed(count: number): StoredEntity[] {
  return sampleEntitiesAnd(benchIds(count), (i) => ({
    ...int64Counts(() => BigInt(i)), // windows10Mobile, and any Int64 property without a value of its own below
    productType: `Bench product ${i + 1}`,
    windows: BigInt(1000 + i),
    mac: BigInt(200 + i),
    android: BigInt(50 + i),
    ios: BigInt(70 + i),
  }));
}
