import type { ApolloServerOptionsWithGateway, BaseContext, GraphQLRequestContextExecutionDidStart } from '@apollo/server';
import { execute, getVariableValues, printSchema, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { passApolloRequestContextTo } from './apollo-request-passthrough';
import { createPlanCache, type CompiledPlanOptions } from './compiled-plans';

/** Apollo Server's gateway interface, as its constructor takes it (the types package is Apollo's own dependency). */
export type ExecutionGateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<ExecutionGateway['load']>>['executor']>;
type GatewayGraphQLRequestContext = Parameters<GatewayExecutor>[0];
/** What the executor receives when apollo-request-passthrough.ts is in effect. */
type ApolloRequestContext = GraphQLRequestContextExecutionDidStart<BaseContext>;

/** Bounds of the compiled operations kept (compiled-plans.ts). */
export type CompiledExecutionOptions = CompiledPlanOptions;

/**
 * Runs operations as JavaScript compiled from them once by graphql-jit (from their second run,
 * compiled-plans.ts), instead of graphql-js
 * walking the document for every field of every entity (profiled: graphql-js's execution was the
 * largest share of a 20-alias read, with a resolve-info object and an arguments object per field).
 * Plugged into Apollo Server through its gateway interface, the one place it accepts an executor:
 * Apollo still parses, validates, caches documents, runs every plugin hook and formats errors.
 * Measured against graphql-js (README "Performance"): −25–40 % CPU for 20 aliases and byIds of 100,
 * and no longer dearer for one entity or `{ __typename }` once Apollo's gateway copy of the request
 * is bypassed (apollo-request-passthrough.ts).
 * Contract behaviours are kept where graphql-jit differs: variables are coerced by graphql-js
 * first (same messages, and Apollo's 400 for bad variables); introspection, `_entities` and any
 * operation graphql-jit cannot compile run on graphql-js itself.
 */
export function compiledExecutionGateway(schema: GraphQLSchema, options: CompiledExecutionOptions = {}): ExecutionGateway {
  const planFor = createPlanCache(schema, options);
  const executor: GatewayExecutor = async (request: GatewayGraphQLRequestContext | ApolloRequestContext) => {
    const { document, operationName } = request;
    const context = 'contextValue' in request ? request.contextValue : request.context;
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
  // Apollo's own request context in place of its per-request gateway copy (see the module for why and what it saves).
  passApolloRequestContextTo(executor);

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
