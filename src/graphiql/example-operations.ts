/**
 * What GraphiQL opens with: one example per query, and the mutation. The ids are the embedded
 * emulator's sample entities; against a real upstream, replace them with ids your tenant has.
 * Comment lines stay short: the editor takes half of a 1400 px window and does not wrap.
 */
export const EXAMPLE_OPERATIONS = `# office365ActivationCounts over GraphQL.
# Pick an operation with the ▶ button's menu.
# Int64 fields (windows, mac, ...) are BigInt:
# exact decimal strings, even above 2^53.

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

# Lookups in one operation share one
# upstream $batch call.
query BatchedLookups {
  pro: office365ActivationCounts(id: "proplus") {
    id
    productType
    windows
  }
  biz: office365ActivationCounts(id: "business") {
    id
    productType
    windows
  }
  big: office365ActivationCounts(id: "big-numbers") {
    id
    productType
    windows
    mac
  }
}

# Same order as ids; null where missing.
query ByIds {
  office365ActivationCountsByIds(
    ids: ["proplus", "visio", "no-such-id"]
  ) {
    id
    productType
    windows
  }
}

# Paging: run it, then put pageInfo.endCursor
# in Variables as {"after": "<endCursor>"}
# and run it again for the next page.
query Page($after: String) {
  office365ActivationCountsList(
    first: 2
    after: $after
  ) {
    nodes {
      id
      productType
      windows
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}

# Graph's activation report (one row per
# product type).
query Report {
  office365ActivationCountsReport {
    reportRefreshDate
    productType
    windows
    mac
  }
}

mutation UpdateWindows {
  updateOffice365ActivationCounts(
    id: "big-numbers"
    input: { windows: 9223372036854775807 }
  ) {
    id
    windows
  }
}
`;
