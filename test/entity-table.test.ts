import { getNamedType, isNonNullType, type GraphQLField, type GraphQLInputField, type GraphQLSchema } from 'graphql';
import { ACTIVATION_COUNTS_PROPERTIES } from '../src/activation-counts/activation-counts.properties';
import { sharedSchema } from './support/harness';

interface FieldShape {
  name: string;
  scalar: string;
  nullable: boolean;
}

function shapeOf(field: GraphQLField<unknown, unknown> | GraphQLInputField): FieldShape {
  return { name: field.name, scalar: getNamedType(field.type).name, nullable: !isNonNullType(field.type) };
}

function fieldsOf(schema: GraphQLSchema, typeName: string): FieldShape[] {
  const type = schema.getType(typeName) as { getFields(): Record<string, GraphQLField<unknown, unknown> | GraphQLInputField> } | undefined;
  if (!type) throw new Error(`schema has no type ${typeName}`);
  return Object.values(type.getFields()).map(shapeOf);
}

// The type-graphql classes are the readable source of the GraphQL types; the entity table is what
// everything else derives from. These tests fail when the two disagree (a field missing, renamed,
// of another scalar or nullability).
describe('the entity table and the type-graphql classes', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await sharedSchema();
  });

  it('Office365ActivationCounts has exactly the table, in order, same scalars and nullability', () => {
    // The properties come from the shared base class, which type-graphql lists before the fields
    // the entity declares itself: so the table's order with the key (`id`) moved last.
    const shapes = ACTIVATION_COUNTS_PROPERTIES.map((p) => ({ name: p.name, scalar: p.graphqlScalar, nullable: p.nullable }));
    const expected = [...shapes.filter((s) => s.name !== 'id'), ...shapes.filter((s) => s.name === 'id')];
    expect(expected).toHaveLength(ACTIVATION_COUNTS_PROPERTIES.length);
    expect(fieldsOf(schema, 'Office365ActivationCounts')).toEqual(expected);
  });

  it('Office365ActivationCountsReportRow has the properties with a report column', () => {
    const expected = ACTIVATION_COUNTS_PROPERTIES.filter((p) => p.reportColumn !== null).map((p) => ({ name: p.name, scalar: p.graphqlScalar, nullable: p.nullable }));
    expect(fieldsOf(schema, 'Office365ActivationCountsReportRow')).toEqual(expected);
  });

  it('UpdateOffice365ActivationCountsInput has every writable property, each optional', () => {
    // A PATCH sends only what changes, so every input field is nullable; the key is not writable.
    const expected = ACTIVATION_COUNTS_PROPERTIES.filter((p) => p.nullable).map((p) => ({ name: p.name, scalar: p.graphqlScalar, nullable: true }));
    expect(fieldsOf(schema, 'UpdateOffice365ActivationCountsInput')).toEqual(expected);
  });

  it('both object types read every field with the default resolver (simpleResolvers holds through inheritance)', () => {
    for (const typeName of ['Office365ActivationCounts', 'Office365ActivationCountsReportRow']) {
      const type = schema.getType(typeName) as { getFields(): Record<string, GraphQLField<unknown, unknown>> };
      const wrapped = Object.values(type.getFields()).filter((f) => f.resolve !== undefined).map((f) => `${typeName}.${f.name}`);
      expect(wrapped).toEqual([]);
    }
  });

  it('the shared base class of the two types is no type of the schema', () => {
    expect(schema.getType('ActivationCountsFields')).toBeUndefined();
  });

  it('names each Edm type with the one GraphQL scalar that carries it', () => {
    const scalarOf: Record<string, Set<string>> = {};
    for (const p of ACTIVATION_COUNTS_PROPERTIES) (scalarOf[p.edmType] ??= new Set()).add(p.graphqlScalar);
    expect(scalarOf).toEqual({ 'Edm.String': new Set(['ID', 'String']), 'Edm.Date': new Set(['Date']), 'Edm.Int64': new Set(['BigInt']) });
  });
});
