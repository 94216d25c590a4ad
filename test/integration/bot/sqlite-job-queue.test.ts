import { SqliteJobQueue } from '../../../bot/queue/sqlite-job-queue.js'
import { openDatabase } from '../../../bot/store/sqlite-database.js'
import type { Logger } from '../../../src/ports.js'

const silent: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined }

describe('the embedded job queue', () => {
  it('runs one job per group at a time, and jobs of different groups side by side', async () => {
    const db = openDatabase(':memory:')
    const queue = new SqliteJobQueue<{ group: string; n: number }>(db, { concurrency: 4, maxAttempts: 3, backoffMs: () => 10, log: silent })
    const running = new Map<string, number>()
    let overlapWithinGroup = false
    let maxRunning = 0
    queue.start(async ({ group }) => {
      running.set(group, (running.get(group) ?? 0) + 1)
      overlapWithinGroup ||= (running.get(group) ?? 0) > 1
      maxRunning = Math.max(maxRunning, [...running.values()].reduce((a, b) => a + b, 0))
      await new Promise((resolve) => setTimeout(resolve, 20))
      running.set(group, (running.get(group) ?? 1) - 1)
    })
    for (let n = 0; n < 6; n++) await queue.enqueue({ group: n % 2 === 0 ? 'a' : 'b', n }, { group: n % 2 === 0 ? 'a' : 'b' })
    expect(await queue.whenIdle(5000)).toBe(true)
    expect(overlapWithinGroup).toBe(false)
    expect(maxRunning).toBe(2)
    await queue.stop(1000)
  })

  it('retries a rate-limited job when told, without spending its attempts, and gives up on real failures', async () => {
    const db = openDatabase(':memory:')
    const queue = new SqliteJobQueue<{ kind: string }>(db, { concurrency: 1, maxAttempts: 2, backoffMs: () => 5, log: silent })
    let refusals = 0
    queue.start(async ({ kind }) => {
      if (kind === 'limited' && refusals < 5) {
        refusals++
        throw Object.assign(new Error('secondary rate limit'), { retryAfterMs: 5 })
      }
      if (kind === 'broken') throw new Error('always fails')
    })
    await queue.enqueue({ kind: 'limited' }, { group: 'x' })
    await queue.enqueue({ kind: 'broken' }, { group: 'y' })
    const deadline = Date.now() + 5000
    while (Date.now() < deadline && (queue.counts()['pending'] ?? 0) + (queue.counts()['running'] ?? 0) > 0) await new Promise((resolve) => setTimeout(resolve, 10))
    expect(refusals).toBe(5)
    expect(queue.counts()).toEqual({ failed: 1 })
    await queue.stop(1000)
  })

  it('runs again, after a restart, a job that was running when the process died', async () => {
    const db = openDatabase(':memory:')
    db.prepare("INSERT INTO jobs (job_group, payload, state, run_after_ms) VALUES ('g', '{\"n\":1}', 'running', 0)").run()
    const seen: unknown[] = []
    const queue = new SqliteJobQueue<{ n: number }>(db, { concurrency: 1, maxAttempts: 2, backoffMs: () => 5, log: silent })
    queue.start(async (job) => {
      seen.push(job)
    })
    expect(await queue.whenIdle(5000)).toBe(true)
    expect(seen).toEqual([{ n: 1 }])
    await queue.stop(1000)
  })

  it('runs a job that falls due while the queue looks for work (the clock ticks between two readings)', async () => {
    const db = openDatabase(':memory:')
    db.prepare("INSERT INTO jobs (job_group, payload, state, run_after_ms) VALUES ('g', '{\"n\":1}', 'pending', 1000)").run()
    // The first reading is a millisecond before the job is due, every later one after: a timer that fired 1 ms early.
    const readings = [999]
    const queue = new SqliteJobQueue<{ n: number }>(db, { concurrency: 1, maxAttempts: 2, backoffMs: () => 5, log: silent, nowMs: () => readings.shift() ?? 1000 })
    const seen: unknown[] = []
    queue.start(async (job) => {
      seen.push(job)
    })
    expect(await queue.whenIdle(1000)).toBe(true)
    expect(seen).toEqual([{ n: 1 }])
    await queue.stop(1000)
  })
})
