import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { execute, getVariableValues, printSchema, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

/** Apollo Server's gateway interface, as its constructor takes it (the types package is Apollo's own dependency). */
export type ExecutionGateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<ExecutionGateway['load']>>['executor']>;
type GatewayGraphQLRequestContext = Parameters<GatewayExecutor>[0];

/** Compiled operations kept; sized by query text like the document cache (security/document-cache.ts). */
export interface CompiledExecutionOptions {
  /**
   * Total query text of the cached compiled operations. Default 64 K characters: compiled code
   * takes ~200 bytes of heap per character of query (measured: 25 KB for a 121-character read,
   * 470 KB for 20 aliases), so the cache stays near 13 MB however many distinct operations arrive.
   */
  maxSourceChars?: number;
}

const DEFAULT_MAX_SOURCE_CHARS = 64 * 1024;
/** An operation longer than this share of the cache runs on graphql-js: compiling it would evict most others. */
const MAX_SHARE_OF_CACHE = 1 / 8;

/**
 * Operations that run on graphql-js: introspection's meta fields are graphql-js's own (GraphiQL,
 * stitching), and federation's `_entities` returns a list of an abstract type whose bad items are
 * errors, which graphql-jit 0.8.9 answers with extra list entries (test/composition/entity-representations).
 */
const RUN_ON_GRAPHQL_JS = /__schema|__type\b|_entities/;

/** What a cached operation runs with: its compiled form, or graphql-js when it is not compiled. */
type Plan = { compiled: CompiledQuery } | { compiled: undefined };

/**
 * Runs every operation as JavaScript compiled from it once by graphql-jit, instead of graphql-js
 * walking the document for every field of every entity (profiled: graphql-js's execution was the
 * largest share of a 20-alias read, with a resolve-info object and an arguments object per field).
 * Plugged into Apollo Server through its gateway interface, the one place it accepts an executor:
 * Apollo still parses, validates, caches documents, runs every plugin hook and formats errors.
 * Contract behaviours are kept where graphql-jit differs: variables are coerced by graphql-js
 * first (same messages, and Apollo's 400 for bad variables); introspection, `_entities` and any
 * operation graphql-jit cannot compile run on graphql-js itself.
 */
export function compiledExecutionGateway(schema: GraphQLSchema, options: CompiledExecutionOptions = {}): ExecutionGateway {
  const maxSourceChars = options.maxSourceChars ?? DEFAULT_MAX_SOURCE_CHARS;
  const plans = new LRUCache<string, Plan>({ maxSize: maxSourceChars });
  const planFor = (request: GatewayGraphQLRequestContext): Plan => {
    if (request.source.length > maxSourceChars * MAX_SHARE_OF_CACHE) return { compiled: undefined };
    // Keyed by the document's hash (as Apollo's document cache) and the operation picked from it.
    const key = `${request.queryHash}\n${request.operationName ?? ''}`;
    const cached = plans.get(key);
    if (cached !== undefined) return cached;
    const compiled = RUN_ON_GRAPHQL_JS.test(request.source) ? undefined : compileQuery(schema, request.document, request.operationName ?? undefined);
    const plan: Plan = { compiled: compiled !== undefined && isCompiledQuery(compiled) ? compiled : undefined };
    // The size counts the query text the entry stands for, which dominates what it holds.
    plans.set(key, plan, { size: Math.max(1, request.source.length) });
    return plan;
  };

  const executor: GatewayExecutor = async (request) => {
    const { document, operationName, context } = request;
    const variables = request.request.variables ?? {};
    const plan = planFor(request);
    if (plan.compiled === undefined) {
      return (await execute({ schema, document, operationName, contextValue: context, variableValues: variables })) as ExecutionResult;
    }
    const operation = request.operation as OperationDefinitionNode;
    if (operation.variableDefinitions && operation.variableDefinitions.length > 0) {
      const coerced = getVariableValues(schema, operation.variableDefinitions, variables, { maxErrors: 50 });
      if (coerced.errors) return { errors: coerced.errors };
    }
    return (await plan.compiled.query(undefined, context, variables)) as ExecutionResult;
  };

  const coreSupergraphSdl = printSchema(schema);
  return {
    async load() {
      return { schema, executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl });
      return () => undefined;
    },
    async stop() {},
  };
}
