// bench:scale, memory: one replica (run with the image's NODE_OPTIONS) takes rounds of 250 pushes (five, or
// BENCH_SCALE_MEMORY_ROUNDS), draining between rounds; its RSS after each round shows whether memory grows with the
// work done (a leak) or settles once the heap has grown to its working size. `npm run bench:scale -- memory` runs this
// phase alone; BENCH_SCALE_SMAPS_DIR=<dir> keeps the replica's /proc/<pid>/smaps after each round (V8's heap pages are
// its 256 KiB anonymous mappings, glibc's arenas its 64 MiB-aligned ones).
import { readFileSync, writeFileSync } from 'node:fs'
import { WEBHOOK_SECRET } from '../e2e/bot/bot-process.js'
import { WebhookSender } from './bench-bot-sender.js'
import { planPush } from './bench-bot-shapes.js'
import { line, verdict } from './bench-bot-stats.js'
import { memoryOf, waitUntil } from './bench-bot-world.js'
import { startScaleWorld } from './bench-scale-world.js'

const ROUNDS = Math.max(5, Number(process.env['BENCH_SCALE_MEMORY_ROUNDS'] ?? '5'))
const PER_ROUND = 250

interface RoundMemory {
  rssMiB: number
  anonMiB: number
  heapTotalMiB: number
  heapUsedMiB: number
  externalMiB: number
  arrayBuffersMiB: number
}

export async function runMemoryPhase(): Promise<string[]> {
  const world = await startScaleWorld(1)
  const sender = new WebhookSender()
  const replica = world.replicas[0]!
  const rounds: RoundMemory[] = []
  try {
    let index = 0
    for (let round = 0; round < ROUNDS; round++) {
      const pushes = Array.from({ length: PER_ROUND }, () => {
        const i = index++
        return planPush(world.gh, world.repos[i % world.repos.length]!, { index: i, shape: 'one-commit', isLeaky: i % 10 === 0 })
      })
      await sender.send({ url: replica.url, secret: WEBHOOK_SECRET, deliveries: pushes.map((p) => ({ index: p.index, deliveryId: `memory-${p.index}`, payload: p.payload })), perWave: 50, waveIntervalMs: 100 })
      if (!(await waitUntil(() => world.isIdle(), { timeoutMs: 300_000, pollMs: 200 }))) return [`memory: round ${round + 1} did not drain within 300 s`]
      const reported = await reportedMemory(replica.url)
      rounds.push({ rssMiB: memoryOf(replica.pid).currentMiB, anonMiB: anonymousMiB(replica.pid), ...reported })
      const dump = process.env['BENCH_SCALE_SMAPS_DIR']
      if (dump !== undefined) writeFileSync(`${dump}/smaps-round-${round + 1}.txt`, readFileSync(`/proc/${replica.pid}/smaps`, 'utf8'))
    }
  } finally {
    await sender.close()
    await world.close()
  }
  const rss = rounds.map((r) => r.rssMiB)
  const growth = (rss[ROUNDS - 1] ?? NaN) / (rss[2] ?? NaN)
  const figures = (pick: (r: RoundMemory) => number) => `${rounds.map((r) => pick(r).toFixed(0)).join(' / ')} MiB`
  console.log(`\nMemory: 1 replica, ${ROUNDS} rounds of ${PER_ROUND} pushes, drained after each`)
  line('RSS after each round', figures((r) => r.rssMiB), `flat after warm-up (last round <= 1.05 x round 3): ${verdict(growth <= 1.05)}`)
  line('  of which anonymous memory (smaps_rollup)', figures((r) => r.anonMiB))
  line('  main thread V8 heap reserved / in use (its /metrics)', `${figures((r) => r.heapTotalMiB)}; ${figures((r) => r.heapUsedMiB)}`)
  line('  external / of which ArrayBuffers', `${figures((r) => r.externalMiB)}; ${figures((r) => r.arrayBuffersMiB)}`)
  return []
}

/** Anonymous (heap, stacks, mmap'd) memory of a process: what a leak or an allocator's fragmentation grows. */
function anonymousMiB(pid: number): number {
  const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8')
  return Number(/^Anonymous:\s+(\d+) kB/m.exec(rollup)?.[1] ?? NaN) / 1024
}

/** The replica's own report of its memory (`localstack_guard_process_memory_bytes{kind=...}`). */
async function reportedMemory(url: string): Promise<Pick<RoundMemory, 'heapTotalMiB' | 'heapUsedMiB' | 'externalMiB' | 'arrayBuffersMiB'>> {
  const text = await (await fetch(new URL('/metrics', url))).text()
  const kind = (name: string) => Number(new RegExp(`localstack_guard_process_memory_bytes\\{kind="${name}"\\} (\\d+)`).exec(text)?.[1] ?? NaN) / 2 ** 20
  return { heapTotalMiB: kind('heap_total'), heapUsedMiB: kind('heap_used'), externalMiB: kind('external'), arrayBuffersMiB: kind('array_buffers') }
}
