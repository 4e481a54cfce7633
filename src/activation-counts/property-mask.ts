import { ENTITY_PROPERTIES, type EntityProperty } from './activation-counts.properties';

/**
 * A set of entity properties as bits: bit i stands for ENTITY_PROPERTIES[i]. The loader keeps one
 * per cached id and unions them per round; as numbers, a load and a round allocate nothing for
 * their bookkeeping (the Sets they replace were built per load and per round).
 */
export type PropertyMask = number;

const bitOf = new Map<string, number>(ENTITY_PROPERTIES.map((name, index) => [name, 1 << index]));

/** Every property of the entity. */
export const ALL_PROPERTIES: PropertyMask = (1 << ENTITY_PROPERTIES.length) - 1;

/** The key alone: every read asks for it. */
export const ID_PROPERTY: PropertyMask = bitOf.get('id')!;

export function propertyMask(properties: readonly EntityProperty[]): PropertyMask {
  let mask = 0;
  for (const name of properties) {
    const bit = bitOf.get(name);
    if (bit === undefined) throw new RangeError(`${JSON.stringify(name)} is not a property of the entity; expected one of ${ENTITY_PROPERTIES.join(', ')}`);
    mask |= bit;
  }
  return mask;
}

/** True when every property of `wanted` is in `held`. */
export function holdsAll(held: PropertyMask, wanted: PropertyMask): boolean {
  return (held & wanted) === wanted;
}

/** Lists per mask, built once each: a round asks for one, and there are at most 2^8 of them. */
const listOf = new Map<PropertyMask, readonly EntityProperty[]>();

/** The properties of a mask, in CSDL order. */
export function propertiesIn(mask: PropertyMask): readonly EntityProperty[] {
  if (!Number.isInteger(mask) || mask < 0 || mask > ALL_PROPERTIES) throw new RangeError(`${mask} is not a property mask; expected an integer from 0 to ${ALL_PROPERTIES}`);
  let list = listOf.get(mask);
  if (list === undefined) {
    list = ENTITY_PROPERTIES.filter((_, index) => (mask & (1 << index)) !== 0);
    listOf.set(mask, list);
  }
  return list;
}
