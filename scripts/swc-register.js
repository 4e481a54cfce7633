// Runs TypeScript sources directly (`node -r ./scripts/swc-register.js src/main.ts`), compiled in
// memory by @swc/core with the project's .swcrc (the same transform jest uses). For the soak script
// and for tests that spawn the gateway as a real process; production runs the tsc build in dist/.
const fs = require('node:fs');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const { $schema: _schema, ...options } = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '.swcrc'), 'utf8'));

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename, swcrc: false, configFile: false });
  module._compile(code, filename);
};
