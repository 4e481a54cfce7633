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
    "query DashboardEntitiesPage($first: Int!, $after: String) {\n  office365ActivationCountsList(first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        productType\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery DashboardEntity($id: ID!) {\n  office365ActivationCounts(id: $id) {\n    ...DashboardEntityCounts\n  }\n}\n\nmutation DashboardUpdateCounts($id: ID!, $input: UpdateOffice365ActivationCountsInput!) {\n  updateOffice365ActivationCounts(id: $id, input: $input) {\n    ...DashboardEntityCounts\n  }\n}\n\nfragment DashboardEntityCounts on Office365ActivationCounts {\n  id\n  reportRefreshDate\n  productType\n  windows\n  mac\n  android\n  ios\n  windows10Mobile\n}": typeof types.DashboardEntitiesPageDocument,
    "query DashboardReport {\n  office365ActivationCountsReport {\n    reportRefreshDate\n    productType\n    windows\n    mac\n    android\n    ios\n    windows10Mobile\n  }\n}": typeof types.DashboardReportDocument,
};
const documents: Documents = {
    "query DashboardEntitiesPage($first: Int!, $after: String) {\n  office365ActivationCountsList(first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        productType\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery DashboardEntity($id: ID!) {\n  office365ActivationCounts(id: $id) {\n    ...DashboardEntityCounts\n  }\n}\n\nmutation DashboardUpdateCounts($id: ID!, $input: UpdateOffice365ActivationCountsInput!) {\n  updateOffice365ActivationCounts(id: $id, input: $input) {\n    ...DashboardEntityCounts\n  }\n}\n\nfragment DashboardEntityCounts on Office365ActivationCounts {\n  id\n  reportRefreshDate\n  productType\n  windows\n  mac\n  android\n  ios\n  windows10Mobile\n}": types.DashboardEntitiesPageDocument,
    "query DashboardReport {\n  office365ActivationCountsReport {\n    reportRefreshDate\n    productType\n    windows\n    mac\n    android\n    ios\n    windows10Mobile\n  }\n}": types.DashboardReportDocument,
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
export function graphql(source: "query DashboardEntitiesPage($first: Int!, $after: String) {\n  office365ActivationCountsList(first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        productType\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery DashboardEntity($id: ID!) {\n  office365ActivationCounts(id: $id) {\n    ...DashboardEntityCounts\n  }\n}\n\nmutation DashboardUpdateCounts($id: ID!, $input: UpdateOffice365ActivationCountsInput!) {\n  updateOffice365ActivationCounts(id: $id, input: $input) {\n    ...DashboardEntityCounts\n  }\n}\n\nfragment DashboardEntityCounts on Office365ActivationCounts {\n  id\n  reportRefreshDate\n  productType\n  windows\n  mac\n  android\n  ios\n  windows10Mobile\n}"): (typeof documents)["query DashboardEntitiesPage($first: Int!, $after: String) {\n  office365ActivationCountsList(first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        productType\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery DashboardEntity($id: ID!) {\n  office365ActivationCounts(id: $id) {\n    ...DashboardEntityCounts\n  }\n}\n\nmutation DashboardUpdateCounts($id: ID!, $input: UpdateOffice365ActivationCountsInput!) {\n  updateOffice365ActivationCounts(id: $id, input: $input) {\n    ...DashboardEntityCounts\n  }\n}\n\nfragment DashboardEntityCounts on Office365ActivationCounts {\n  id\n  reportRefreshDate\n  productType\n  windows\n  mac\n  android\n  ios\n  windows10Mobile\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DashboardReport {\n  office365ActivationCountsReport {\n    reportRefreshDate\n    productType\n    windows\n    mac\n    android\n    ios\n    windows10Mobile\n  }\n}"): (typeof documents)["query DashboardReport {\n  office365ActivationCountsReport {\n    reportRefreshDate\n    productType\n    windows\n    mac\n    android\n    ios\n    windows10Mobile\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;