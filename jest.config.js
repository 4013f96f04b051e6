/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  // A run that finds no test is a broken run, not a green one.
  passWithNoTests: false,
  testTimeout: 20000,
  // A Redis for the Redis store and two-replica suites (started here when none is given).
  globalSetup: '<rootDir>/test/support/redis/global-setup.js',
  globalTeardown: '<rootDir>/test/support/redis/global-teardown.js',
};
