// Preloaded with `node --require` into a spawned gateway: records the file of every module the
// process loads (CommonJS loads, plus whatever is in require.cache at exit) and writes the list,
// one path a line, to LOADED_MODULES_FILE when the process exits.
const fs = require('node:fs');
const Module = require('node:module');

const loaded = new Set();
const originalLoad = Module._load;
Module._load = function recordingLoad(request, parent, isMain) {
  const exported = originalLoad.apply(this, arguments);
  try {
    loaded.add(Module._resolveFilename(request, parent, isMain));
  } catch {
    // Built-ins and unresolvable names are not files of the project.
  }
  return exported;
};

process.on('exit', () => {
  for (const file of Object.keys(require.cache)) loaded.add(file);
  fs.writeFileSync(process.env.LOADED_MODULES_FILE, [...loaded].join('\n'));
});
