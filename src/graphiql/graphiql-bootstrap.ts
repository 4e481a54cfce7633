/**
 * The page's own script, served as /graphiql/assets/bootstrap.js (a file, not inline, so the page's
 * Content-Security-Policy can forbid inline scripts). The fetcher is ours rather than
 * GraphiQL.createFetcher: it always POSTs `content-type: application/json`, which Apollo's CSRF
 * prevention accepts, and never tries multipart or websockets.
 */
export const GRAPHIQL_BOOTSTRAP = `'use strict';
(function () {
  var config = JSON.parse(document.getElementById('graphiql-config').textContent);
  function fetcher(params, options) {
    var headers = Object.assign({}, (options && options.headers) || {}, {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json'
    });
    return fetch(config.endpoint, { method: 'POST', headers: headers, body: JSON.stringify(params) })
      .then(function (response) { return response.json(); });
  }
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultQuery: config.defaultQuery,
    headers: config.headers,
    defaultEditorToolsVisibility: 'headers',
    shouldPersistHeaders: false
  }));
})();
`;
