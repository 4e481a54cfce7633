import { createReadStream } from 'node:fs';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { FastifyInstance } from 'fastify';
import { EXAMPLE_OPERATIONS } from './example-operations';
import { resolveGraphiqlAssets } from './graphiql-assets';
import { GRAPHIQL_BOOTSTRAP } from './graphiql-bootstrap';
import { GRAPHIQL_CONTENT_SECURITY_POLICY, renderGraphiqlPage } from './graphiql-page';

export interface GraphiqlOptions {
  /** GraphQL endpoint path. Default /graphql. */
  endpoint?: string;
  /** Token prefilled in the headers editor (the emulator's sample token); a placeholder when undefined. */
  defaultToken?: string;
}

export interface Graphiql {
  /** Replaces Apollo's landing page (which loads from a CDN) on GET /graphql with Accept: text/html. */
  landingPagePlugin: ApolloServerPlugin<BaseContext>;
  /** Adds GET /graphiql, the asset routes under /graphiql/assets/, and GET / leading to GraphiQL. */
  register(app: FastifyInstance): void;
}

const PAGE_PATH = '/graphiql';
const ASSETS_PATH = `${PAGE_PATH}/assets`;

/** GraphiQL served entirely by this process: the page, React, GraphiQL and their styles. */
export function createGraphiql(options: GraphiqlOptions = {}): Graphiql {
  const assets = resolveGraphiqlAssets();
  const html = renderGraphiqlPage({
    endpoint: options.endpoint ?? '/graphql',
    assetsPath: ASSETS_PATH,
    defaultToken: options.defaultToken,
    defaultQuery: EXAMPLE_OPERATIONS,
  });
  return {
    landingPagePlugin: {
      async serverWillStart() {
        return { async renderLandingPage() { return { html }; } };
      },
    },
    register(app) {
      // Where a newcomer's browser goes first: the root has nothing else to show.
      app.get('/', async (_request, reply) => reply.redirect(PAGE_PATH, 302));
      app.get(PAGE_PATH, async (_request, reply) =>
        reply
          .type('text/html; charset=utf-8')
          .header('content-security-policy', GRAPHIQL_CONTENT_SECURITY_POLICY)
          .header('cache-control', 'no-store')
          .send(html),
      );
      app.get(`${ASSETS_PATH}/bootstrap.js`, async (_request, reply) =>
        reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(GRAPHIQL_BOOTSTRAP),
      );
      for (const asset of assets) {
        app.get(`${ASSETS_PATH}/${asset.name}`, async (_request, reply) =>
          reply.type(asset.contentType).header('cache-control', 'public, max-age=86400').send(createReadStream(asset.path)),
        );
      }
    },
  };
}
