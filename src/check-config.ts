import { ConfigError, loadConfig } from './config';

// `npm start`'s first step (prestart): the environment is validated before the ~5 s TypeScript
// build, so a wrong setting is reported at once. Warnings are left to the start itself, which
// prints them once. Run through scripts/swc-register.js: no build is needed for this check.
try {
  loadConfig(process.env);
} catch (error: unknown) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
