/** Edm.Int64 properties of microsoft.graph.office365ActivationCounts. */
export const INT64_PROPERTIES = ['windows', 'mac', 'android', 'ios', 'windows10Mobile'] as const;

/** Every property of the entity, in CSDL order; the GraphQL fields carry the same names. */
export const ENTITY_PROPERTIES = ['id', 'reportRefreshDate', 'productType', ...INT64_PROPERTIES] as const;

export type EntityProperty = (typeof ENTITY_PROPERTIES)[number];

export function isEntityProperty(name: string): name is EntityProperty {
  return (ENTITY_PROPERTIES as readonly string[]).includes(name);
}
