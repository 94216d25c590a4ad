import { setTimeout as delay } from 'node:timers/promises'
import type { Clock } from '../src/ports.js'

/** The real clock: monotonic `performance.now()`, so a wall-clock jump cannot end a wait early. */
export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: async (ms, signal) => {
    await delay(ms, undefined, signal === undefined ? {} : { signal })
  },
}
