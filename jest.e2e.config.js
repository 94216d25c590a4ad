// End-to-end suites (`npm run test:e2e`): they need a real Docker engine and the stand-in image
// (test/e2e/stand-in-emulator/build-image.sh). Their files end in `.e2e.ts`, so plain `npm test` never runs them.
import base from './jest.config.js'

/** @type {import('jest').Config} */
export default {
  ...base,
  testMatch: ['**/test/e2e/**/*.e2e.ts'],
  testTimeout: 60_000,
  maxWorkers: 1,
}
