import type { Logger } from '../../src/ports.js'

/** A periodic task: runs once at start, then every `intervalMs`; never two runs at once; stops on `stop()`. */
export interface Schedule {
  stop(): void
}

/**
 * Runs `task` now (unless `isRunAtStart` is false) and then every `intervalMs` (plus up to 10 % jitter, so replicas drift apart). A failure is logged
 * and the next run comes as planned. An interval of 0 turns the schedule off. Timers are unref'd: they never keep
 * the process alive.
 */
export function startSchedule(name: string, options: { intervalMs: number; log: Logger; isRunAtStart?: boolean }, task: () => Promise<void>): Schedule {
  let timer: NodeJS.Timeout | undefined
  let isStopped = options.intervalMs <= 0
  const runOnce = async () => {
    if (isStopped) return
    try {
      await task()
    } catch (error: unknown) {
      options.log.warn(`${name}.failed`, { error: error instanceof Error ? error.message : String(error) })
    }
    if (!isStopped) next()
  }
  const next = () => {
    timer = setTimeout(() => void runOnce(), options.intervalMs + Math.floor(Math.random() * options.intervalMs * 0.1))
    timer.unref()
  }
  if (!isStopped) {
    if (options.isRunAtStart === false) next()
    else void runOnce()
  }
  return {
    stop() {
      isStopped = true
      if (timer !== undefined) clearTimeout(timer)
    },
  }
}
