/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query SubgraphServiceSdl {\n  _service {\n    sdl\n  }\n}\n\nquery ActivationCountsEntities($representations: [_Any!]!) {\n  _entities(representations: $representations) {\n    ... on Office365ActivationCounts {\n      id\n      windows\n      ios\n    }\n  }\n}\n\nquery ActivationCountsMacByIds($ids: [ID!]!) {\n  office365ActivationCountsByIds(ids: $ids) {\n    id\n    mac\n  }\n}": typeof types.SubgraphServiceSdlDocument,
    "query ActivationCountsById($id: ID!) {\n  office365ActivationCounts(id: $id) {\n    id\n    reportRefreshDate\n    productType\n    windows\n    mac\n    android\n    ios\n    windows10Mobile\n  }\n}\n\nmutation UpdateActivationCounts($id: ID!, $input: UpdateOffice365ActivationCountsInput!) {\n  updateOffice365ActivationCounts(id: $id, input: $input) {\n    id\n    reportRefreshDate\n    productType\n    windows\n    mac\n    android\n    ios\n    windows10Mobile\n  }\n}\n\nmutation UpdateWindowsOnly($id: ID!, $windows: BigInt) {\n  updateOffice365ActivationCounts(id: $id, input: {windows: $windows}) {\n    id\n    windows\n  }\n}": typeof types.ActivationCountsByIdDocument,
    "query GraphiqlBatchedLookups {\n  proplus: office365ActivationCounts(id: \"proplus\") {\n    id\n    windows\n  }\n  business: office365ActivationCounts(id: \"business\") {\n    id\n    windows\n  }\n  bigNumbers: office365ActivationCounts(id: \"big-numbers\") {\n    id\n    windows\n    mac\n  }\n}": typeof types.GraphiqlBatchedLookupsDocument,
};
const documents: Documents = {
    "query SubgraphServiceSdl {\n  _service {\n    sdl\n  }\n}\n\nquery ActivationCountsEntities($representations: [_Any!]!) {\n  _entities(representations: $representations) {\n    ... on Office365ActivationCounts {\n      id\n      windows\n      ios\n    }\n  }\n}\n\nquery ActivationCountsMacByIds($ids: [ID!]!) {\n  office365ActivationCountsByIds(ids: $ids) {\n    id\n    mac\n  }\n}": types.SubgraphServiceSdlDocument,
    "query ActivationCountsById($id: ID!) {\n  office365ActivationCounts(id: $id) {\n    id\n    reportRefreshDate\n    productType\n    windows\n    mac\n    android\n    ios\n    windows10Mobile\n  }\n}\n\nmutation UpdateActivationCounts($id: ID!, $input: UpdateOffice365ActivationCountsInput!) {\n  updateOffice365ActivationCounts(id: $id, input: $input) {\n    id\n    reportRefreshDate\n    productType\n    windows\n    mac\n    android\n    ios\n    windows10Mobile\n  }\n}\n\nmutation UpdateWindowsOnly($id: ID!, $windows: BigInt) {\n  updateOffice365ActivationCounts(id: $id, input: {windows: $windows}) {\n    id\n    windows\n  }\n}": types.ActivationCountsByIdDocument,
    "query GraphiqlBatchedLookups {\n  proplus: office365ActivationCounts(id: \"proplus\") {\n    id\n    windows\n  }\n  business: office365ActivationCounts(id: \"business\") {\n    id\n    windows\n  }\n  bigNumbers: office365ActivationCounts(id: \"big-numbers\") {\n    id\n    windows\n    mac\n  }\n}": types.GraphiqlBatchedLookupsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SubgraphServiceSdl {\n  _service {\n    sdl\n  }\n}\n\nquery ActivationCountsEntities($representations: [_Any!]!) {\n  _entities(representations: $representations) {\n    ... on Office365ActivationCounts {\n      id\n      windows\n      ios\n    }\n  }\n}\n\nquery ActivationCountsMacByIds($ids: [ID!]!) {\n  office365ActivationCountsByIds(ids: $ids) {\n    id\n    mac\n  }\n}"): (typeof documents)["query SubgraphServiceSdl {\n  _service {\n    sdl\n  }\n}\n\nquery ActivationCountsEntities($representations: [_Any!]!) {\n  _entities(representations: $representations) {\n    ... on Office365ActivationCounts {\n      id\n      windows\n      ios\n    }\n  }\n}\n\nquery ActivationCountsMacByIds($ids: [ID!]!) {\n  office365ActivationCountsByIds(ids: $ids) {\n    id\n    mac\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ActivationCountsById($id: ID!) {\n  office365ActivationCounts(id: $id) {\n    id\n    reportRefreshDate\n    productType\n    windows\n    mac\n    android\n    ios\n    windows10Mobile\n  }\n}\n\nmutation UpdateActivationCounts($id: ID!, $input: UpdateOffice365ActivationCountsInput!) {\n  updateOffice365ActivationCounts(id: $id, input: $input) {\n    id\n    reportRefreshDate\n    productType\n    windows\n    mac\n    android\n    ios\n    windows10Mobile\n  }\n}\n\nmutation UpdateWindowsOnly($id: ID!, $windows: BigInt) {\n  updateOffice365ActivationCounts(id: $id, input: {windows: $windows}) {\n    id\n    windows\n  }\n}"): (typeof documents)["query ActivationCountsById($id: ID!) {\n  office365ActivationCounts(id: $id) {\n    id\n    reportRefreshDate\n    productType\n    windows\n    mac\n    android\n    ios\n    windows10Mobile\n  }\n}\n\nmutation UpdateActivationCounts($id: ID!, $input: UpdateOffice365ActivationCountsInput!) {\n  updateOffice365ActivationCounts(id: $id, input: $input) {\n    id\n    reportRefreshDate\n    productType\n    windows\n    mac\n    android\n    ios\n    windows10Mobile\n  }\n}\n\nmutation UpdateWindowsOnly($id: ID!, $windows: BigInt) {\n  updateOffice365ActivationCounts(id: $id, input: {windows: $windows}) {\n    id\n    windows\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query GraphiqlBatchedLookups {\n  proplus: office365ActivationCounts(id: \"proplus\") {\n    id\n    windows\n  }\n  business: office365ActivationCounts(id: \"business\") {\n    id\n    windows\n  }\n  bigNumbers: office365ActivationCounts(id: \"big-numbers\") {\n    id\n    windows\n    mac\n  }\n}"): (typeof documents)["query GraphiqlBatchedLookups {\n  proplus: office365ActivationCounts(id: \"proplus\") {\n    id\n    windows\n  }\n  business: office365ActivationCounts(id: \"business\") {\n    id\n    windows\n  }\n  bigNumbers: office365ActivationCounts(id: \"big-numbers\") {\n    id\n    windows\n    mac\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;