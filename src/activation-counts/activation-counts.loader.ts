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
  /** Properties each cached (or in-flight) entity was or will be fetched with. */
  private readonly fetchedWith = new Map<string, ReadonlySet<EntityProperty>>();
  private pendingProperties = new Set<EntityProperty>();

  constructor(private readonly upstream: ActivationCountsUpstream) {
    this.loader = new DataLoader<string, Office365ActivationCounts | null>((ids) => this.loadBatch(ids));
  }

  load(id: string, properties: readonly EntityProperty[] = ENTITY_PROPERTIES): Promise<Office365ActivationCounts | null> {
    const fetched = this.fetchedWith.get(id);
    if (fetched && properties.every((p) => fetched.has(p))) return this.loader.load(id);
    if (fetched) this.loader.clear(id);
    const wanted = new Set<EntityProperty>([...(fetched ?? []), ...properties]);
    this.fetchedWith.set(id, wanted);
    for (const p of wanted) this.pendingProperties.add(p);
    return this.loader.load(id);
  }

  loadMany(ids: readonly string[], properties?: readonly EntityProperty[]): Promise<(Office365ActivationCounts | null | Error)[]> {
    return Promise.all(ids.map((id) => this.load(id, properties).catch((error: Error) => error)));
  }

  /** After a write: later reads in this operation see the written entity without a new call. */
  prime(entity: Office365ActivationCounts): void {
    this.loader.clear(entity.id).prime(entity.id, entity);
    this.fetchedWith.set(entity.id, new Set(ENTITY_PROPERTIES));
  }

  private async loadBatch(ids: readonly string[]): Promise<EntityOutcome[]> {
    const properties = [...this.pendingProperties];
    this.pendingProperties = new Set();
    for (const id of ids) this.fetchedWith.set(id, new Set([...(this.fetchedWith.get(id) ?? []), ...properties]));
    const everything = properties.length >= ENTITY_PROPERTIES.length;
    return this.upstream.readMany(ids, everything ? undefined : properties);
  }
}
