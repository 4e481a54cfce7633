import type { SubschemaConfig } from '@graphql-tools/delegate';
import { buildHTTPExecutor } from '@graphql-tools/executor-http';
import { mapSchema, MapperKind, pruneSchema } from '@graphql-tools/utils';
import { DEFAULTS } from '../config';
import { buildClientSchema, getIntrospectionQuery, parse, type GraphQLSchema, type IntrospectionQuery } from 'graphql';

export interface ActivationCountsSubschemaOptions<TContext> {
  /** This gateway's GraphQL endpoint, e.g. https://counts.example.com/graphql. */
  endpoint: string;
  /**
   * The caller's `Authorization` header value ("Bearer …") from the stitching gateway's context;
   * it is forwarded on every delegated request. Default: `context.authorization`.
   */
  authorization?: (context: TContext) => string | undefined;
  /**
   * The schema to stitch. Default: introspected from `endpoint` (needs INTROSPECTION on); pass
   * `buildSchema(readFileSync('schema.graphql', 'utf8'))` to stitch from the committed contract instead.
   */
  schema?: GraphQLSchema;
  /** Largest id list sent in one office365ActivationCountsByIds call: the gateway's MAX_IDS_PER_QUERY. Default 500. */
  maxIdsPerQuery?: number;
}

/** Federation's `_service` and `_entities` are for routers; a stitched schema should not expose them. */
function withoutFederationFields(schema: GraphQLSchema): GraphQLSchema {
  return pruneSchema(mapSchema(schema, { [MapperKind.QUERY_ROOT_FIELD]: (field, fieldName) => (fieldName.startsWith('_') ? null : field) }));
}

function defaultAuthorization(context: unknown): string | undefined {
  const value = (context as { authorization?: unknown } | undefined)?.authorization;
  return typeof value === 'string' ? value : undefined;
}

/**
 * What `stitchSchemas({ subschemas: [...] })` needs to merge this gateway's Office365ActivationCounts
 * with other schemas: an HTTP executor that forwards the caller's token, and batched type merging
 * on office365ActivationCountsByIds (all ids of one stitched operation become one call, and our
 * per-request loader turns that into $batch calls of ≤ 20 upstream).
 */
export async function createActivationCountsSubschema<TContext = Record<string, unknown>>(
  options: ActivationCountsSubschemaOptions<TContext>,
): Promise<SubschemaConfig<string, unknown, string, TContext>> {
  const authorization = options.authorization ?? defaultAuthorization;
  const executor = buildHTTPExecutor({
    endpoint: options.endpoint,
    headers: (executionRequest): Record<string, string> => {
      const value = executionRequest?.context === undefined ? undefined : authorization(executionRequest.context as TContext);
      return value ? { authorization: value } : {};
    },
  });
  let schema = options.schema;
  if (!schema) {
    const result = (await executor({ document: parse(getIntrospectionQuery()) })) as { data?: IntrospectionQuery; errors?: { message: string }[] };
    if (!result.data) {
      throw new Error(`Introspection of ${options.endpoint} failed (${result.errors?.map((e) => e.message).join('; ') ?? 'no data'}): is INTROSPECTION on? Or pass options.schema`);
    }
    schema = buildClientSchema(result.data);
  }
  return {
    name: 'office365ActivationCounts',
    schema: withoutFederationFields(schema),
    executor: executor as SubschemaConfig<string, unknown, string, TContext>['executor'],
    // Root fields delegated in the same tick travel as one GraphQL request.
    batch: true,
    merge: {
      Office365ActivationCounts: {
        selectionSet: '{ id }',
        fieldName: 'office365ActivationCountsByIds',
        key: ({ id }: { id: string }) => id,
        argsFromKeys: (ids: readonly string[]) => ({ ids }),
        dataLoaderOptions: { maxBatchSize: options.maxIdsPerQuery ?? DEFAULTS.maxIdsPerQuery },
      },
    },
  };
}
