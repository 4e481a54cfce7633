import type { ApolloServerOptions, ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';
import { introspectionLimitRule } from './introspection-limits';

/** Limits on one GraphQL document, checked before any resolver runs (so before any upstream call). */
export interface QueryLimits {
  /** Deepest selection nesting. Default 8 (the deepest real query, a connection's node fields, is 4). Introspection is exempt. */
  maxDepth: number;
  /** Most aliases in one operation. Default 50: the 45-alias batching use case fits. */
  maxAliases: number;
  /** graphql-armor cost (objects 2, scalars 1, ×1.5 per level, × `first` on lists). Default 100000: a 999-entity page with every field costs ~72000, 50 aliased entities ~700; 50 aliased full pages do not fit. */
  maxCost: number;
  /** Most directives in one operation. Default 50. */
  maxDirectives: number;
  /** Most lexical tokens in the document. Default 5000: 50 aliases with every field use ~950; 100 ids as literals ~120. */
  maxTokens: number;
  /** Most `__schema`/`__type` fields in one operation. Default 3: GraphiQL and stitching send one; 50 aliased `__schema` do not fit. */
  maxIntrospectionFields: number;
  /** Deepest selection below an introspection field. Default 15: the depth of graphql's getIntrospectionQuery(). */
  maxIntrospectionDepth: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 8,
  maxAliases: 50,
  maxCost: 100_000,
  maxDirectives: 50,
  maxTokens: 5_000,
  maxIntrospectionFields: 3,
  maxIntrospectionDepth: 15,
};

export interface QueryLimitSettings {
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin<BaseContext>[];
  parseOptions: ParseOptions;
}

/**
 * graphql-armor words every refusal as "Syntax Error: Aliases limit of 50 exceeded, found 51.",
 * though the document parsed fine and nothing says what to change. This reports it instead as
 * "Aliases limit of 50 exceeded, found 51: an operation may use at most 50 aliases (set by MAX_ALIASES)".
 */
export function explainLimitRefusal(armorMessage: string, allowed: string, setting: string): string {
  const limit = armorMessage.replace(/^Syntax Error: /, '').replace(/\.$/, '');
  return `${limit}: ${allowed} (set by ${setting})`;
}

function reportExplained(allowed: string, setting: string) {
  return {
    // Reported as a validation error rather than thrown, so the message is ours.
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const explained = new GraphQLError(explainLimitRefusal(error.message, allowed, setting));
        if (!context) throw explained;
        context.reportError(explained);
      },
    ],
  };
}

/**
 * graphql-armor's depth, alias, cost and directive rules (rejections are 400 BAD_USER_INPUT with the
 * limit named). Token counting is NOT armor's: its plugin throws from parsingDidStart, which Apollo
 * turns into HTTP 500 for every syntax error; graphql-js's own `maxTokens` parse option fails
 * parsing instead, so a too-long document is a 400 GRAPHQL_PARSE_FAILED like any other syntax error.
 * Field suggestions ("Did you mean ...") are masked when introspection is off, since they reveal the schema.
 */
export function queryLimitSettings(limits: QueryLimits, options: { introspection: boolean }): QueryLimitSettings {
  const armor = new ApolloArmor({
    maxTokens: { enabled: false },
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, ...reportExplained(`selections may nest at most ${limits.maxDepth} levels deep`, 'MAX_QUERY_DEPTH') },
    maxAliases: { n: limits.maxAliases, ...reportExplained(`an operation may use at most ${limits.maxAliases} aliases`, 'MAX_ALIASES') },
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true, ...reportExplained(`an operation may cost at most ${limits.maxCost} (ask for fewer fields, aliases or a smaller first)`, 'MAX_QUERY_COST') },
    maxDirectives: { n: limits.maxDirectives, ...reportExplained(`an operation may use at most ${limits.maxDirectives} directives`, 'MAX_DIRECTIVES') },
    blockFieldSuggestion: { enabled: !options.introspection },
  }).protect();
  return {
    // Introspection is exempt from armor's depth and cost: its own rule bounds it.
    validationRules: [...armor.validationRules, introspectionLimitRule({ maxFields: limits.maxIntrospectionFields, maxDepth: limits.maxIntrospectionDepth })],
    plugins: armor.plugins as ApolloServerPlugin<BaseContext>[],
    parseOptions: { maxTokens: limits.maxTokens },
  };
}

/** Apollo options the limits imply, spread into `new ApolloServer({...})`. */
export function apolloLimitOptions(settings: QueryLimitSettings): Pick<ApolloServerOptions<BaseContext>, 'validationRules' | 'parseOptions'> {
  return { validationRules: settings.validationRules, parseOptions: settings.parseOptions };
}
