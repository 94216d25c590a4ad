// bench:scale, memory: one replica takes five rounds of 250 pushes, draining between rounds; its RSS after each
// round shows whether memory grows with the work done (a leak) or settles once the heap has grown to its working size.
import { WEBHOOK_SECRET } from '../e2e/bot/bot-process.js'
import { WebhookSender } from './bench-bot-sender.js'
import { planPush } from './bench-bot-shapes.js'
import { line, verdict } from './bench-bot-stats.js'
import { memoryOf, waitUntil } from './bench-bot-world.js'
import { startScaleWorld } from './bench-scale-world.js'

const ROUNDS = 5
const PER_ROUND = 250

export async function runMemoryPhase(): Promise<string[]> {
  const world = await startScaleWorld(1)
  const sender = new WebhookSender()
  const replica = world.replicas[0]!
  const rss: number[] = []
  const heap: number[] = []
  try {
    let index = 0
    for (let round = 0; round < ROUNDS; round++) {
      const pushes = Array.from({ length: PER_ROUND }, () => {
        const i = index++
        return planPush(world.gh, world.repos[i % world.repos.length]!, { index: i, shape: 'one-commit', isLeaky: i % 10 === 0 })
      })
      await sender.send({ url: replica.url, secret: WEBHOOK_SECRET, deliveries: pushes.map((p) => ({ index: p.index, deliveryId: `memory-${p.index}`, payload: p.payload })), perWave: 50, waveIntervalMs: 100 })
      if (!(await waitUntil(() => world.isIdle(), { timeoutMs: 300_000, pollMs: 200 }))) return [`memory: round ${round + 1} did not drain within 300 s`]
      rss.push(memoryOf(replica.pid).currentMiB)
      heap.push(await heapUsedMiB(replica.url))
    }
  } finally {
    await sender.close()
    await world.close()
  }
  const growth = (rss[ROUNDS - 1] ?? NaN) / (rss[2] ?? NaN)
  console.log(`\nMemory: 1 replica, ${ROUNDS} rounds of ${PER_ROUND} pushes, drained after each`)
  line('RSS after each round', `${rss.map((v) => v.toFixed(0)).join(' / ')} MiB`, `flat after warm-up (round 5 <= 1.05 x round 3): ${verdict(growth <= 1.05)}`)
  line('  of which V8 heap in use (its /metrics)', `${heap.map((v) => v.toFixed(0)).join(' / ')} MiB`)
  return []
}

/** The replica's own report of its V8 heap in use (`localstack_guard_process_memory_bytes{kind="heap_used"}`). */
async function heapUsedMiB(url: string): Promise<number> {
  const text = await (await fetch(new URL('/metrics', url))).text()
  return Number(/localstack_guard_process_memory_bytes\{kind="heap_used"\} (\d+)/.exec(text)?.[1] ?? NaN) / 2 ** 20
}
