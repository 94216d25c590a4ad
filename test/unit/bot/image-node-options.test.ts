import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { imageNodeOptions, readImageNodeOptions } from '../../support/image-node-options.js'

const DOCKERFILE = join(import.meta.dirname, '../../../Dockerfile')
const MiB = 2 ** 20

describe("the image's NODE_OPTIONS", () => {
  it('bound the V8 heap of a Node started with them: a 1 GiB old space and 16 MiB semi-spaces', () => {
    const options = readImageNodeOptions(DOCKERFILE)
    // A flag Node does not take in NODE_OPTIONS would stop the container at start: run a real Node with them.
    const script = "const v8 = require('node:v8'); console.log(JSON.stringify({ limit: v8.getHeapStatistics().heap_size_limit, young: v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size }))"
    const seen = JSON.parse(execFileSync(process.execPath, ['-e', script], { env: { PATH: process.env['PATH'] ?? '', NODE_OPTIONS: options }, encoding: 'utf8' })) as { limit: number; young: number }
    expect(seen.limit).toBeGreaterThanOrEqual(1024 * MiB)
    expect(seen.limit).toBeLessThan(1200 * MiB)
    expect(seen.young).toBeLessThanOrEqual(32 * MiB)
  })

  it('are read from the ENV line, and a Dockerfile without one is refused with what to do', () => {
    expect(imageNodeOptions('ENV NODE_ENV=production \\\n    NODE_OPTIONS="--max-old-space-size=64" \\\n    HOST=0.0.0.0\n')).toBe('--max-old-space-size=64')
    expect(() => imageNodeOptions('ENV NODE_ENV=production\n')).toThrow(/no NODE_OPTIONS="…" line in its ENV\. Restore it/)
  })
})
