import DataLoader from 'dataloader';
import { ENTITY_PROPERTIES, type EntityProperty } from './activation-counts.properties';
import type { ActivationCountsUpstream, EntityOutcome } from './activation-counts.upstream';
import type { Office365ActivationCounts } from './activation-counts.type';
import { ALL_PROPERTIES, holdsAll, ID_PROPERTY, propertiesIn, propertyMask, type PropertyMask } from './property-mask';

const asError = (error: Error): Error => error;

/**
 * Per-request reads by id. All loads of one tick become one upstream round (one GET, or $batch
 * calls of ≤ 20), asking for the union of the properties they need. A cached entity is reused
 * only when it was fetched with every property the new load needs; otherwise it is fetched again.
 * Never share an instance across requests: it is bound to one caller's token.
 */
export class ActivationCountsLoader {
  private readonly loader: DataLoader<string, Office365ActivationCounts | null>;
  /** Properties each cached (or in-flight, or about-to-be-fetched) entity is fetched with. */
  private readonly fetchedWith = new Map<string, PropertyMask>();

  constructor(private readonly upstream: ActivationCountsUpstream) {
    this.loader = new DataLoader<string, Office365ActivationCounts | null>((ids) => this.loadBatch(ids));
  }

  load(id: string, properties: readonly EntityProperty[] = ENTITY_PROPERTIES): Promise<Office365ActivationCounts | null> {
    return this.loadWith(id, propertyMask(properties));
  }

  loadMany(ids: readonly string[], properties: readonly EntityProperty[] = ENTITY_PROPERTIES): Promise<(Office365ActivationCounts | null | Error)[]> {
    const wanted = propertyMask(properties);
    return Promise.all(ids.map((id) => this.loadWith(id, wanted).catch(asError)));
  }

  private loadWith(id: string, wanted: PropertyMask): Promise<Office365ActivationCounts | null> {
    const fetched = this.fetchedWith.get(id);
    if (fetched === undefined) this.fetchedWith.set(id, wanted);
    else if (!holdsAll(fetched, wanted)) {
      // Widen rather than replace: an earlier load of this id in the same tick still needs its fields.
      this.loader.clear(id);
      this.fetchedWith.set(id, fetched | wanted);
    }
    return this.loader.load(id);
  }

  /** After a write: later reads in this operation see the written entity without a new call. */
  prime(entity: Office365ActivationCounts): void {
    this.loader.clear(entity.id).prime(entity.id, entity);
    this.fetchedWith.set(entity.id, ALL_PROPERTIES);
  }

  /**
   * One $select for the whole round: the union of what each key needs. Computed from the keys
   * themselves (not from loads since the last round), so a key retried after a failed round
   * still asks for its own properties.
   */
  private async loadBatch(ids: readonly string[]): Promise<EntityOutcome[]> {
    let union = ID_PROPERTY;
    for (const id of ids) union |= this.fetchedWith.get(id) ?? ALL_PROPERTIES;
    for (const id of ids) this.fetchedWith.set(id, union);
    return this.upstream.readMany(ids, union === ALL_PROPERTIES ? undefined : propertiesIn(union));
  }
}
