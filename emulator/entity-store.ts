import { ACTIVATION_COUNTS_PROPERTIES } from '../src/activation-counts/activation-counts.properties';

type Description = (typeof ACTIVATION_COUNTS_PROPERTIES)[number];

/**
 * An entity as the emulator stores it, derived from the entity table: Int64 as bigint, so no digit
 * is ever lost. Properties other than the key may be left out of a seed; they read as null.
 */
export type StoredEntity = { id: string } & {
  [P in Exclude<Description, { name: 'id' }> as P['name']]?: (P['edmType'] extends 'Edm.Int64' ? bigint : string) | null;
};

/** Every property of the table, each missing one as null: what a GET without $select shows. */
export function completeEntity(entity: StoredEntity): StoredEntity {
  const complete: Record<string, unknown> = {};
  for (const { name } of ACTIVATION_COUNTS_PROPERTIES) complete[name] = (entity as Record<string, unknown>)[name] ?? null;
  return complete as StoredEntity;
}

/** Sample data: everyday counts, and values beyond 2^53 that JSON.parse would round. */
export function sampleEntities(): StoredEntity[] {
  return [
    { id: 'proplus', reportRefreshDate: '2017-09-01', productType: 'Office 365 ProPlus', windows: 9157n, mac: 2457n, android: 814n, ios: 1201n, windows10Mobile: 94n },
    { id: 'business', reportRefreshDate: '2017-09-01', productType: 'Office 365 Business', windows: 3072n, mac: 1021n, android: 311n, ios: 601n, windows10Mobile: 12n },
    { id: 'project', reportRefreshDate: '2017-09-01', productType: 'Project Online Desktop Client', windows: 845n, mac: 0n, android: 0n, ios: 0n, windows10Mobile: 0n },
    { id: 'visio', reportRefreshDate: '2017-09-01', productType: 'Visio Online Plan 2', windows: 412n, mac: null, android: null, ios: null, windows10Mobile: null },
    { id: 'big-numbers', reportRefreshDate: '2026-11-01', productType: 'Int64 edge cases', windows: 9007199254740993n, mac: 9223372036854775807n, android: -9223372036854775808n, ios: 12345678901234567n, windows10Mobile: 9007199254740992n },
  ];
}

/** In-memory entity collection, ordered by id for stable paging. */
export class EntityStore {
  private readonly entities = new Map<string, StoredEntity>();
  /** How many PATCHes were applied, per id: the soak test checks writes against this. */
  readonly appliedPatches = new Map<string, number>();

  constructor(seed: StoredEntity[] = sampleEntities()) {
    for (const entity of seed) this.entities.set(entity.id, completeEntity(entity));
  }

  get(id: string): StoredEntity | undefined {
    return this.entities.get(id);
  }

  put(entity: StoredEntity): void {
    this.entities.set(entity.id, completeEntity(entity));
  }

  patch(id: string, changes: Partial<StoredEntity>): StoredEntity | undefined {
    const current = this.entities.get(id);
    if (!current) return undefined;
    const updated = { ...current, ...changes, id };
    this.entities.set(id, updated);
    this.appliedPatches.set(id, (this.appliedPatches.get(id) ?? 0) + 1);
    return updated;
  }

  list(): StoredEntity[] {
    return [...this.entities.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}
