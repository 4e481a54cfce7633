/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type UpdateOffice365ActivationCountsInput = {
  android?: string | null | undefined;
  ios?: string | null | undefined;
  mac?: string | null | undefined;
  productType?: string | null | undefined;
  reportRefreshDate?: string | null | undefined;
  windows?: string | null | undefined;
  windows10Mobile?: string | null | undefined;
};

export type DashboardEntitiesPageQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type DashboardEntitiesPageQuery = { office365ActivationCountsList: { edges: Array<{ cursor: string, node: { id: string, productType: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type DashboardEntityQueryVariables = Exact<{
  id: string | number;
}>;


export type DashboardEntityQuery = { office365ActivationCounts: { id: string, reportRefreshDate: string | null, productType: string | null, windows: string | null, mac: string | null, android: string | null, ios: string | null, windows10Mobile: string | null } | null };

export type DashboardUpdateCountsMutationVariables = Exact<{
  id: string | number;
  input: UpdateOffice365ActivationCountsInput;
}>;


export type DashboardUpdateCountsMutation = { updateOffice365ActivationCounts: { id: string, reportRefreshDate: string | null, productType: string | null, windows: string | null, mac: string | null, android: string | null, ios: string | null, windows10Mobile: string | null } };

export type DashboardEntityCountsFragment = { id: string, reportRefreshDate: string | null, productType: string | null, windows: string | null, mac: string | null, android: string | null, ios: string | null, windows10Mobile: string | null };

export type DashboardReportQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardReportQuery = { office365ActivationCountsReport: Array<{ reportRefreshDate: string | null, productType: string | null, windows: string | null, mac: string | null, android: string | null, ios: string | null, windows10Mobile: string | null }> };

export const DashboardEntityCountsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardEntityCounts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Office365ActivationCounts"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reportRefreshDate"}},{"kind":"Field","name":{"kind":"Name","value":"productType"}},{"kind":"Field","name":{"kind":"Name","value":"windows"}},{"kind":"Field","name":{"kind":"Name","value":"mac"}},{"kind":"Field","name":{"kind":"Name","value":"android"}},{"kind":"Field","name":{"kind":"Name","value":"ios"}},{"kind":"Field","name":{"kind":"Name","value":"windows10Mobile"}}]}}]} as unknown as DocumentNode<DashboardEntityCountsFragment, unknown>;
export const DashboardEntitiesPageDocument = {"__meta__":{"hash":"sha256:8b89cb409c809366e757e2a122495cdc05da7f26f182ad495d49a1fff7b96cae"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardEntitiesPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"office365ActivationCountsList"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"productType"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardEntitiesPageQuery, DashboardEntitiesPageQueryVariables>;
export const DashboardEntityDocument = {"__meta__":{"hash":"sha256:6b4076ebb97a8226cd4e4c450d4177f5fac0f5c7e75684c9445412caa99c8a0b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardEntity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"office365ActivationCounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DashboardEntityCounts"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardEntityCounts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Office365ActivationCounts"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reportRefreshDate"}},{"kind":"Field","name":{"kind":"Name","value":"productType"}},{"kind":"Field","name":{"kind":"Name","value":"windows"}},{"kind":"Field","name":{"kind":"Name","value":"mac"}},{"kind":"Field","name":{"kind":"Name","value":"android"}},{"kind":"Field","name":{"kind":"Name","value":"ios"}},{"kind":"Field","name":{"kind":"Name","value":"windows10Mobile"}}]}}]} as unknown as DocumentNode<DashboardEntityQuery, DashboardEntityQueryVariables>;
export const DashboardUpdateCountsDocument = {"__meta__":{"hash":"sha256:debdbd53a20cae4c028aef34c5508e2ae40bf0c2656cde709739f7d05d9c7299"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DashboardUpdateCounts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateOffice365ActivationCountsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateOffice365ActivationCounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DashboardEntityCounts"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardEntityCounts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Office365ActivationCounts"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reportRefreshDate"}},{"kind":"Field","name":{"kind":"Name","value":"productType"}},{"kind":"Field","name":{"kind":"Name","value":"windows"}},{"kind":"Field","name":{"kind":"Name","value":"mac"}},{"kind":"Field","name":{"kind":"Name","value":"android"}},{"kind":"Field","name":{"kind":"Name","value":"ios"}},{"kind":"Field","name":{"kind":"Name","value":"windows10Mobile"}}]}}]} as unknown as DocumentNode<DashboardUpdateCountsMutation, DashboardUpdateCountsMutationVariables>;
export const DashboardReportDocument = {"__meta__":{"hash":"sha256:56c0bc1bacafcd458bc580356a81b319d0ce7ab8b5349255178bd41f669325fc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardReport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"office365ActivationCountsReport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportRefreshDate"}},{"kind":"Field","name":{"kind":"Name","value":"productType"}},{"kind":"Field","name":{"kind":"Name","value":"windows"}},{"kind":"Field","name":{"kind":"Name","value":"mac"}},{"kind":"Field","name":{"kind":"Name","value":"android"}},{"kind":"Field","name":{"kind":"Name","value":"ios"}},{"kind":"Field","name":{"kind":"Name","value":"windows10Mobile"}}]}}]}}]} as unknown as DocumentNode<DashboardReportQuery, DashboardReportQueryVariables>;