import { sampleEntities, type StoredEntity } from '../../emulator/entity-store';
import { INT64_PROPERTIES, type Int64Property } from '../../src/activation-counts/activation-counts.properties';

/** What a generated entity holds besides its id and date. */
export type GeneratedCounts = Omit<StoredEntity, 'id' | 'reportRefreshDate'>;

/**
 * The emulator's sample entities, then one generated entity per id (dated 2026-11-01) with the
 * counts `countsOf` gives it. The one generator behind the tests', the bench's and the soak's data.
 */
export function sampleEntitiesAnd(ids: readonly string[], countsOf: (index: number, id: string) => GeneratedCounts): StoredEntity[] {
  const generated = ids.map((id, index): StoredEntity => ({ id, reportRefreshDate: '2026-11-01', ...countsOf(index, id) }));
  return [...sampleEntities(), ...generated];
}

/** A value for every Int64 property of the entity table, so a property added there gets data too. */
export function int64Counts(valueOf: (property: Int64Property) => bigint | null): Record<Int64Property, bigint | null> {
  return Object.fromEntries(INT64_PROPERTIES.map((property) => [property, valueOf(property)])) as Record<Int64Property, bigint | null>;
}

export function entityId(n: number): string {
  return `e-${String(n).padStart(2, '0')}`;
}

/** Ids e-01 … e-NN with distinct, checkable values (windows = 1000 + n), plus the sample entities. */
export function manyEntities(count: number): StoredEntity[] {
  const ids = Array.from({ length: count }, (_, i) => entityId(i + 1));
  return sampleEntitiesAnd(ids, (i) => {
    const n = i + 1;
    return {
      ...int64Counts(() => 0n), // windows10Mobile, and any Int64 property without a value of its own below
      productType: `Product ${n}`,
      windows: BigInt(1000 + n),
      mac: BigInt(2000 + n),
      android: null,
      ios: 9007199254740993n + BigInt(n),
    };
  });
}
