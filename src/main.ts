import { tuneHeapForSteadyLoad } from './runtime/heap-tuning';

// The process entry, and the only module with side effects. The heap flag is set before the rest
// of the gateway loads (hence a require after it, not an import, which would be hoisted): the full
// GC that runs while those modules load would otherwise size the old generation with V8's default
// factor, and the first seconds under load peak ~15 MB higher.
tuneHeapForSteadyLoad(process);

const { runGatewayProcess, describeStartFailure } = require('./gateway-process') as typeof import('./gateway-process');

runGatewayProcess().catch((error: unknown) => {
  process.stderr.write(`${describeStartFailure(error)}\n`);
  process.exit(1);
});
