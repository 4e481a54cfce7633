/**
 * The one description of microsoft.graph.office365ActivationCounts (beta CSDL), in CSDL order.
 * Everything else derives from it: `$select`, the entity and report-row mappers, the report's CSV
 * columns, the emulator's validation and data, the bench's and tests' field lists. The type-graphql
 * classes stay the readable source of the GraphQL types; a test fails when they disagree with it.
 * Pure data on purpose: the emulator imports this file and nothing else of the gateway.
 */
export const ACTIVATION_COUNTS_PROPERTIES = [
  { name: 'id', edmType: 'Edm.String', graphqlScalar: 'ID', reportColumn: null, nullable: false },
  { name: 'reportRefreshDate', edmType: 'Edm.Date', graphqlScalar: 'Date', reportColumn: 'Report Refresh Date', nullable: true },
  { name: 'productType', edmType: 'Edm.String', graphqlScalar: 'String', reportColumn: 'Product Type', nullable: true },
  { name: 'windows', edmType: 'Edm.Int64', graphqlScalar: 'BigInt', reportColumn: 'Windows', nullable: true },
  { name: 'mac', edmType: 'Edm.Int64', graphqlScalar: 'BigInt', reportColumn: 'Mac', nullable: true },
  { name: 'android', edmType: 'Edm.Int64', graphqlScalar: 'BigInt', reportColumn: 'Android', nullable: true },
  { name: 'ios', edmType: 'Edm.Int64', graphqlScalar: 'BigInt', reportColumn: 'iOS', nullable: true },
  { name: 'windows10Mobile', edmType: 'Edm.Int64', graphqlScalar: 'BigInt', reportColumn: 'Windows 10 Mobile', nullable: true },
] as const satisfies readonly PropertyDescription[];

export type EdmType = 'Edm.String' | 'Edm.Date' | 'Edm.Int64';

export interface PropertyDescription {
  /** Property name upstream, and the GraphQL field's name. */
  name: string;
  edmType: EdmType;
  /** Name of the GraphQL type of the field (ID, String, Date, BigInt). */
  graphqlScalar: string;
  /** Header of the report's CSV column; null for a property the report does not carry (the key). */
  reportColumn: string | null;
  nullable: boolean;
}

type Description = (typeof ACTIVATION_COUNTS_PROPERTIES)[number];

export type EntityProperty = Description['name'];
export type Int64Property = Extract<Description, { edmType: 'Edm.Int64' }>['name'];
/** The properties a report row carries: those with a CSV column. */
export type ReportProperty = Exclude<Description, { reportColumn: null }>['name'];

/** Every property of the entity, in CSDL order; the GraphQL fields carry the same names. */
export const ENTITY_PROPERTIES: readonly EntityProperty[] = ACTIVATION_COUNTS_PROPERTIES.map((p) => p.name);

/** Edm.Int64 properties. */
export const INT64_PROPERTIES = ACTIVATION_COUNTS_PROPERTIES.filter((p) => p.edmType === 'Edm.Int64').map((p) => p.name) as readonly Int64Property[];

/** The report's properties in CSV column order, with the CSV's documented header names. */
export const REPORT_COLUMNS = ACTIVATION_COUNTS_PROPERTIES.filter((p) => p.reportColumn !== null) as readonly {
  name: ReportProperty;
  edmType: EdmType;
  reportColumn: string;
}[];

/** The entity's fields as a GraphQL selection ("id reportRefreshDate …"), for tests and the bench. */
export const ENTITY_SELECTION = ENTITY_PROPERTIES.join(' ');

/** The report row's fields as a GraphQL selection. */
export const REPORT_SELECTION = REPORT_COLUMNS.map((c) => c.name).join(' ');

export function isEntityProperty(name: string): name is EntityProperty {
  return (ENTITY_PROPERTIES as readonly string[]).includes(name);
}
