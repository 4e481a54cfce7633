import { context, SpanStatusCode, type Span } from '@opentelemetry/api';
import type { ApolloServerPlugin } from '@apollo/server';
import { OPERATION_SPAN } from './http-spans';

/** Caller-chosen names are capped: a span attribute is not a place for kilobytes of one caller's text. */
const MAX_NAME_LENGTH = 128;

/**
 * Names the operation span http-spans.ts started (`query ByIds`) with the operation's name and type,
 * and marks it failed with the error codes when the answer carries errors. Never the document, the
 * variables or a field list: the name is all of the query text a span holds.
 */
export function operationSpanPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const span = context.active().getValue(OPERATION_SPAN) as Span | undefined;
      if (!span) return;
      return {
        async didResolveOperation({ operationName, operation }) {
          if (!operation) return;
          const name = operationName ? operationName.slice(0, MAX_NAME_LENGTH) : undefined;
          span.updateName(name ? `${operation.operation} ${name}` : operation.operation);
          span.setAttribute('graphql.operation.type', operation.operation);
          if (name) span.setAttribute('graphql.operation.name', name);
        },
        async didEncounterErrors({ errors }) {
          const codes = [...new Set(errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))];
          span.setAttribute('graphql.error.codes', codes);
          span.setStatus({ code: SpanStatusCode.ERROR, message: codes.join(', ') });
        },
      };
    },
  };
}
