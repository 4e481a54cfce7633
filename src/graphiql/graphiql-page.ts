export interface GraphiqlPageOptions {
  /** Path the page POSTs operations to. */
  endpoint: string;
  /** Where the page loads its scripts and styles from (this process). */
  assetsPath: string;
  /** Token shown in the headers editor; a placeholder when undefined (never a real user's token). */
  defaultToken?: string;
  defaultQuery: string;
}

/** Everything the page may load comes from this origin: a CDN request would be refused by the browser. */
export const GRAPHIQL_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'";

/** JSON inside <script>: `<` escaped so no value can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The headers editor's starting text, e.g. {"Authorization": "Bearer emulator-sample-token"}. */
export function headersTemplate(defaultToken: string | undefined): string {
  return JSON.stringify({ Authorization: `Bearer ${defaultToken ?? '<your Graph access token>'}` }, null, 2);
}

export function renderGraphiqlPage(options: GraphiqlPageOptions): string {
  const asset = (name: string) => escapeAttribute(`${options.assetsPath}/${name}`);
  const config = { endpoint: options.endpoint, headers: headersTemplate(options.defaultToken), defaultQuery: options.defaultQuery };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(GRAPHIQL_CONTENT_SECURITY_POLICY)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GraphiQL · office365ActivationCounts</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${asset('graphiql.min.css')}">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script id="graphiql-config" type="application/json">${scriptJson(config)}</script>
<script src="${asset('react.production.min.js')}"></script>
<script src="${asset('react-dom.production.min.js')}"></script>
<script src="${asset('graphiql.min.js')}"></script>
<script src="${asset('bootstrap.js')}"></script>
</body>
</html>
`;
}
