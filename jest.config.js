/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  setupFiles: ['<rootDir>/test/setup.ts'],
  // Every harness saves its gateway's log lines; after the run they are scanned for the tokens sent.
  globalSetup: '<rootDir>/test/log-scan.setup.ts',
  globalTeardown: '<rootDir>/test/log-scan.teardown.ts',
  testTimeout: 20000,
};
