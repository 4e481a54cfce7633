export interface StartBannerOptions {
  /** http://HOST:PORT the gateway listens on. */
  url: string;
  upstreamBaseUrl: string;
  /** The embedded emulator is the upstream; its sample token and sample ids are then real. */
  emulator: { sampleToken: string } | undefined;
}

function curl(url: string, token: string, query: string): string[] {
  return [
    `  curl -s ${url}/graphql -H 'content-type: application/json' -H 'authorization: Bearer ${token}' \\`,
    `    -d '{"query":${JSON.stringify(query).replace(/'/g, "'\\''")}}'`,
  ];
}

/**
 * What `npm start` prints once it serves. Against the emulator it suggests mutating the sample
 * entity `big-numbers`; against a real upstream, whose ids are the tenant's, it suggests the report,
 * the one read Graph really offers for this resource, and no write at all.
 */
export function startBanner({ url, upstreamBaseUrl, emulator }: StartBannerOptions): string {
  const lines = [`GraphQL gateway for office365ActivationCounts ready at ${url}/graphql`];
  if (emulator) {
    lines.push(
      `Upstream: embedded emulator at ${upstreamBaseUrl} (sample data, reset at each start; any bearer token works)`,
      `GraphiQL (served offline from this process): ${url}/graphiql`,
      'Try a mutation:',
      ...curl(url, emulator.sampleToken, 'mutation { updateOffice365ActivationCounts(id: "big-numbers", input: { windows: 9223372036854775807 }) { id windows mac } }'),
    );
  } else {
    lines.push(
      `Upstream: ${upstreamBaseUrl} (each request's Authorization header is forwarded to it)`,
      `GraphiQL (served offline from this process): ${url}/graphiql`,
      'Try the activation report (needs a Graph token with Reports.Read.All):',
      ...curl(url, '<your Graph access token>', '{ office365ActivationCountsReport { reportRefreshDate productType windows mac android ios } }'),
    );
  }
  return `${lines.join('\n')}\n`;
}
