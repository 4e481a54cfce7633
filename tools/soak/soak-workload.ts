import { Agent } from 'undici';
import { seededRandom } from '../../emulator/seeded-random';
import { postGraphQL, type GraphQLOperation } from '../../test/support/graphql-http';

/** What one answered GraphQL request looked like to its client. */
export interface RequestOutcome {
  kind: 'read' | 'batchRead' | 'mutation';
  httpStatus: number;
  latencyMs: number;
  /** extensions.code of each error; '(none)' for an error without a code. */
  errorCodes: string[];
  /** The request never got an HTTP answer (connection refused or reset). */
  transportError?: string;
  /** For mutations: the entity written and the distinct value it set. */
  write?: { id: string; value: string; succeeded: boolean };
}

export interface WorkloadOptions {
  url: string;
  /** Client i's Authorization header: one caller per client, as the users of a real deployment. */
  tokenFor(client: number): string;
  clients: number;
  /** Stop starting new requests after this epoch ms. */
  until: number;
  /** Ids every client may read. */
  readableIds: readonly string[];
  /** Client i writes only soakEntityId(i): its writes are sequential, so its last success is its final state. */
  seed: number;
  onOutcome(outcome: RequestOutcome): void;
}

export const soakEntityId = (client: number): string => `soak-${client}`;

const READ = 'query SoakRead($id: ID!) { office365ActivationCounts(id: $id) { id windows mac } }';
const WRITE = 'mutation SoakWrite($id: ID!, $value: BigInt!) { updateOffice365ActivationCounts(id: $id, input: { windows: $value }) { id windows } }';

function batchRead(ids: readonly string[]): string {
  return `query SoakBatchRead { ${ids.map((id, i) => `e${i}: office365ActivationCounts(id: ${JSON.stringify(id)}) { id windows android }`).join(' ')} }`;
}

/** Runs `clients` loops of reads (50 %), 5-entity batched reads (25 %) and writes (25 %) until `until`. */
export async function runWorkload(options: WorkloadOptions): Promise<void> {
  const agent = new Agent({ connections: options.clients });
  try {
    await Promise.all(Array.from({ length: options.clients }, (_, client) => runClient(options, agent, client)));
  } finally {
    await agent.close();
  }
}

async function runClient(options: WorkloadOptions, agent: Agent, client: number): Promise<void> {
  const random = seededRandom(options.seed + client);
  const pick = (): string => options.readableIds[Math.floor(random() * options.readableIds.length)]!;
  for (let sequence = 1; Date.now() < options.until; sequence++) {
    const dice = random();
    let kind: RequestOutcome['kind'];
    let body: GraphQLOperation;
    let write: RequestOutcome['write'];
    if (dice < 0.5) {
      kind = 'read';
      body = { query: READ, variables: { id: pick() } };
    } else if (dice < 0.75) {
      kind = 'batchRead';
      body = { query: batchRead([pick(), pick(), pick(), pick(), pick()]) };
    } else {
      kind = 'mutation';
      // Distinct per mutation, so the emulator's applied values say which mutation each PATCH was.
      const value = String(BigInt(client + 1) * 1_000_000_000n + BigInt(sequence));
      write = { id: soakEntityId(client), value, succeeded: false };
      body = { query: WRITE, variables: { id: write.id, value } };
    }
    const started = performance.now();
    try {
      const { status, text } = await postGraphQL(options.url, body, { authorization: options.tokenFor(client) }, { dispatcher: agent });
      const latencyMs = performance.now() - started;
      let errors: { extensions?: { code?: unknown } }[] = [];
      try {
        errors = (JSON.parse(text) as { errors?: typeof errors }).errors ?? [];
      } catch {
        errors = [{}];
      }
      const errorCodes = errors.map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : '(none)'));
      if (write) write.succeeded = status === 200 && errorCodes.length === 0;
      options.onOutcome({ kind, httpStatus: status, latencyMs, errorCodes, write });
    } catch (error: unknown) {
      const reason = (error as { code?: string }).code ?? String(error);
      options.onOutcome({ kind, httpStatus: 0, latencyMs: performance.now() - started, errorCodes: [], transportError: reason, write });
    }
  }
}
