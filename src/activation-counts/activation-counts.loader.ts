import DataLoader from 'dataloader';
import { ENTITY_PROPERTIES, type EntityProperty } from './activation-counts.properties';
import type { ActivationCountsUpstream, EntityOutcome } from './activation-counts.upstream';
import type { Office365ActivationCounts } from './activation-counts.type';

/**
 * Per-request reads by id. All loads of one tick become one upstream round (one GET, or $batch
 * calls of ≤ 20), asking for the union of the properties they need. A cached entity is reused
 * only when it was fetched with every property the new load needs; otherwise it is fetched again.
 * Never share an instance across requests: it is bound to one caller's token.
 */
export class ActivationCountsLoader {
  private readonly loader: DataLoader<string, Office365ActivationCounts | null>;
  /** Properties each cached (or in-flight, or about-to-be-fetched) entity is fetched with. */
  private readonly fetchedWith = new Map<string, ReadonlySet<EntityProperty>>();

  constructor(private readonly upstream: ActivationCountsUpstream) {
    this.loader = new DataLoader<string, Office365ActivationCounts | null>((ids) => this.loadBatch(ids));
  }

  load(id: string, properties: readonly EntityProperty[] = ENTITY_PROPERTIES): Promise<Office365ActivationCounts | null> {
    return this.loadWith(id, properties);
  }

  loadMany(ids: readonly string[], properties: readonly EntityProperty[] = ENTITY_PROPERTIES): Promise<(Office365ActivationCounts | null | Error)[]> {
    // One set for all keys of this call (they are never mutated, so sharing is safe): not one per key.
    const wanted = new Set<EntityProperty>(properties);
    const asError = (error: Error): Error => error;
    return Promise.all(ids.map((id) => this.loadWith(id, properties, wanted).catch(asError)));
  }

  private loadWith(id: string, properties: readonly EntityProperty[], wanted?: ReadonlySet<EntityProperty>): Promise<Office365ActivationCounts | null> {
    const fetched = this.fetchedWith.get(id);
    if (fetched && properties.every((p) => fetched.has(p))) return this.loader.load(id);
    // Widen rather than replace: an earlier load of this id in the same tick still needs its fields.
    if (fetched) this.loader.clear(id);
    this.fetchedWith.set(id, fetched ? new Set<EntityProperty>([...fetched, ...properties]) : (wanted ?? new Set(properties)));
    return this.loader.load(id);
  }

  /** After a write: later reads in this operation see the written entity without a new call. */
  prime(entity: Office365ActivationCounts): void {
    this.loader.clear(entity.id).prime(entity.id, entity);
    this.fetchedWith.set(entity.id, new Set(ENTITY_PROPERTIES));
  }

  /**
   * One $select for the whole round: the union of what each key needs. Computed from the keys
   * themselves (not from loads since the last round), so a key retried after a failed round
   * still asks for its own properties.
   */
  private async loadBatch(ids: readonly string[]): Promise<EntityOutcome[]> {
    const union = new Set<EntityProperty>(['id']);
    const counted = new Set<ReadonlySet<EntityProperty>>();
    for (const id of ids) {
      const wanted = this.fetchedWith.get(id);
      if (wanted === undefined) for (const p of ENTITY_PROPERTIES) union.add(p);
      else if (!counted.has(wanted)) {
        // Keys loaded together share one set: each distinct set is added once.
        counted.add(wanted);
        for (const p of wanted) union.add(p);
      }
    }
    for (const id of ids) this.fetchedWith.set(id, union);
    const everything = union.size >= ENTITY_PROPERTIES.length;
    return this.upstream.readMany(ids, everything ? undefined : [...union]);
  }
}
