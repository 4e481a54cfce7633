/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type UpdateOffice365ActivationCountsInput = {
  android?: string | number | null | undefined;
  ios?: string | number | null | undefined;
  mac?: string | number | null | undefined;
  productType?: string | null | undefined;
  reportRefreshDate?: string | null | undefined;
  windows?: string | number | null | undefined;
  windows10Mobile?: string | number | null | undefined;
};

export type SubgraphServiceSdlQueryVariables = Exact<{ [key: string]: never; }>;


export type SubgraphServiceSdlQuery = { _service: { sdl: string | null } };

export type ActivationCountsEntitiesQueryVariables = Exact<{
  representations: Array<unknown> | unknown;
}>;


export type ActivationCountsEntitiesQuery = { _entities: Array<{ id: string, windows: string | null, ios: string | null } | null> };

export type ActivationCountsMacByIdsQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type ActivationCountsMacByIdsQuery = { office365ActivationCountsByIds: Array<{ id: string, mac: string | null } | null> };

export type ActivationCountsByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type ActivationCountsByIdQuery = { office365ActivationCounts: { id: string, reportRefreshDate: string | null, productType: string | null, windows: string | null, mac: string | null, android: string | null, ios: string | null, windows10Mobile: string | null } | null };

export type UpdateActivationCountsMutationVariables = Exact<{
  id: string | number;
  input: UpdateOffice365ActivationCountsInput;
}>;


export type UpdateActivationCountsMutation = { updateOffice365ActivationCounts: { id: string, reportRefreshDate: string | null, productType: string | null, windows: string | null, mac: string | null, android: string | null, ios: string | null, windows10Mobile: string | null } };

export type UpdateWindowsOnlyMutationVariables = Exact<{
  id: string | number;
  windows?: string | number | null | undefined;
}>;


export type UpdateWindowsOnlyMutation = { updateOffice365ActivationCounts: { id: string, windows: string | null } };

export type GraphiqlBatchedLookupsQueryVariables = Exact<{ [key: string]: never; }>;


export type GraphiqlBatchedLookupsQuery = { proplus: { id: string, windows: string | null } | null, business: { id: string, windows: string | null } | null, bigNumbers: { id: string, windows: string | null, mac: string | null } | null };


export const SubgraphServiceSdlDocument = {"__meta__":{"hash":"sha256:48e7250aa665766d550c92057597188075e177d639cec701a24a5f7f3e5afea4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SubgraphServiceSdl"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"_service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sdl"}}]}}]}}]} as unknown as DocumentNode<SubgraphServiceSdlQuery, SubgraphServiceSdlQueryVariables>;
export const ActivationCountsEntitiesDocument = {"__meta__":{"hash":"sha256:5cb3c0c9ac03663f44147d64085c7bbadd9e8ba681b0900753fafbe90d204eb9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ActivationCountsEntities"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"representations"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"_Any"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"_entities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"representations"},"value":{"kind":"Variable","name":{"kind":"Name","value":"representations"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Office365ActivationCounts"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"windows"}},{"kind":"Field","name":{"kind":"Name","value":"ios"}}]}}]}}]}}]} as unknown as DocumentNode<ActivationCountsEntitiesQuery, ActivationCountsEntitiesQueryVariables>;
export const ActivationCountsMacByIdsDocument = {"__meta__":{"hash":"sha256:f88f9ce410153fd33cc0351f59b70d8f9e759d3feccd54c538d581b759d52a25"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ActivationCountsMacByIds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"office365ActivationCountsByIds"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"mac"}}]}}]}}]} as unknown as DocumentNode<ActivationCountsMacByIdsQuery, ActivationCountsMacByIdsQueryVariables>;
export const ActivationCountsByIdDocument = {"__meta__":{"hash":"sha256:da96d6087c8172026054a7977a8d5a990ce6afc66fd8dd689808748abcc303f3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ActivationCountsById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"office365ActivationCounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reportRefreshDate"}},{"kind":"Field","name":{"kind":"Name","value":"productType"}},{"kind":"Field","name":{"kind":"Name","value":"windows"}},{"kind":"Field","name":{"kind":"Name","value":"mac"}},{"kind":"Field","name":{"kind":"Name","value":"android"}},{"kind":"Field","name":{"kind":"Name","value":"ios"}},{"kind":"Field","name":{"kind":"Name","value":"windows10Mobile"}}]}}]}}]} as unknown as DocumentNode<ActivationCountsByIdQuery, ActivationCountsByIdQueryVariables>;
export const UpdateActivationCountsDocument = {"__meta__":{"hash":"sha256:73b8858dadcf503a440915a6d91be19d121f8dcd7a8cc5d230d9ae75c6332839"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateActivationCounts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateOffice365ActivationCountsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateOffice365ActivationCounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reportRefreshDate"}},{"kind":"Field","name":{"kind":"Name","value":"productType"}},{"kind":"Field","name":{"kind":"Name","value":"windows"}},{"kind":"Field","name":{"kind":"Name","value":"mac"}},{"kind":"Field","name":{"kind":"Name","value":"android"}},{"kind":"Field","name":{"kind":"Name","value":"ios"}},{"kind":"Field","name":{"kind":"Name","value":"windows10Mobile"}}]}}]}}]} as unknown as DocumentNode<UpdateActivationCountsMutation, UpdateActivationCountsMutationVariables>;
export const UpdateWindowsOnlyDocument = {"__meta__":{"hash":"sha256:0b35ba57694df970878c2dead4b69b67fe2203dc4595018298b2583b15dfae66"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateWindowsOnly"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"windows"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"BigInt"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateOffice365ActivationCounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"windows"},"value":{"kind":"Variable","name":{"kind":"Name","value":"windows"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"windows"}}]}}]}}]} as unknown as DocumentNode<UpdateWindowsOnlyMutation, UpdateWindowsOnlyMutationVariables>;
export const GraphiqlBatchedLookupsDocument = {"__meta__":{"hash":"sha256:36983722d57750cdfa7e10b08525c793e1b8390a7916e300a40d7f99287cce3a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GraphiqlBatchedLookups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"proplus"},"name":{"kind":"Name","value":"office365ActivationCounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"StringValue","value":"proplus","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"windows"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"business"},"name":{"kind":"Name","value":"office365ActivationCounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"StringValue","value":"business","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"windows"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"bigNumbers"},"name":{"kind":"Name","value":"office365ActivationCounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"StringValue","value":"big-numbers","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"windows"}},{"kind":"Field","name":{"kind":"Name","value":"mac"}}]}}]}}]} as unknown as DocumentNode<GraphiqlBatchedLookupsQuery, GraphiqlBatchedLookupsQueryVariables>;