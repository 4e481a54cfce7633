/**
 * What GraphiQL opens with. The ids are the embedded emulator's sample entities; against a real
 * upstream, replace them with ids your tenant has.
 */
export const EXAMPLE_OPERATIONS = `# office365ActivationCounts over GraphQL. Run one operation with the ▶ menu.
# Int64 fields (windows, mac, ...) are BigInt: exact decimal strings, even above 2^53.

query OneEntity {
  office365ActivationCounts(id: "big-numbers") {
    id
    productType
    reportRefreshDate
    windows
    mac
    android
    ios
    windows10Mobile
  }
}

# Lookups in one operation share one upstream $batch call.
query BatchedLookups {
  proplus: office365ActivationCounts(id: "proplus") { id productType windows }
  business: office365ActivationCounts(id: "business") { id productType windows }
  bigNumbers: office365ActivationCounts(id: "big-numbers") { id productType windows mac }
}

query ByIds {
  office365ActivationCountsByIds(ids: ["proplus", "visio", "no-such-id"]) { id productType windows }
}

mutation UpdateWindows {
  updateOffice365ActivationCounts(id: "big-numbers", input: { windows: 9223372036854775807 }) {
    id
    windows
  }
}
`;
