import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';

/**
 * CORS for browser frontends on other origins. Only the listed origins get
 * Access-Control-Allow-Origin (an empty list: none, the browser blocks every cross-origin call).
 * Preflights are answered here, before any route; no cookies are involved (the caller's token
 * travels in Authorization), so credentials stay off.
 */
export async function registerCors(app: FastifyInstance, allowedOrigins: readonly string[]): Promise<void> {
  await app.register(cors, {
    origin: allowedOrigins.length > 0 ? [...allowedOrigins] : false,
    methods: ['GET', 'POST', 'OPTIONS'],
    // apollo-require-preflight lets a browser send a GET operation past Apollo's CSRF prevention.
    allowedHeaders: ['Authorization', 'Content-Type', 'Apollo-Require-Preflight', 'X-Apollo-Operation-Name'],
    maxAge: 600,
  });
}
