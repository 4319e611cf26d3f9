/** Unit tests and integration tests with real tools share one run; suites that cannot run here say so loudly. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  // The sources load parts on use with import('./x.js') (chunks in the bundle); under jest those become
  // require calls, which need the TypeScript file's name without the extension.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs', moduleResolution: 'node10' } }] },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testTimeout: 60000,
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/__tests__/support/summary-reporter.js'],
};
