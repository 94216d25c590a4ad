/**
 * `npm run bench:bot`: the bot (built, as `npm start` runs it) against the fake GitHub, in phases: a burst of 200 pushes within GitHub's limits, the API calls each push shape costs, and a burst
 * beyond the content-creation budget. A benchmark, not a timed test: it prints figures next to their goals and fails
 * only when something functional fails (a delivery refused, an incident or check run missing, a request GitHub would
 * reject, a raw token sent or printed). A fifth phase puts hostile pushes beside ordinary traffic.
 * `npm run bench:bot -- burst` (or `cost`, `limits`, `alerts`, `hostile`) runs one phase;
 * `BENCH_BOT_NODE_OPTIONS='--cpu-prof --cpu-prof-dir=/tmp/prof'` profiles the bot. The bot runs in its default mode
 * (SQLite state, in-process queue); the fake GitHub runs in this process, the webhook sender in a worker thread.
 */
import { cpus } from 'node:os'
import { runBurstPhase } from './bench-bot-burst.js'
import { runCostPhase } from './bench-bot-cost.js'
import { runHostilePhase } from './bench-bot-hostile.js'
import { runLimitsPhase } from './bench-bot-limits.js'
import { runAlertsPhase } from './bench-bot-alerts.js'
import { WebhookSender } from './bench-bot-sender.js'

async function phase(name: string, run: () => Promise<string[]>): Promise<string[]> {
  try {
    return await run()
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error)
    console.log(`  ${name} stopped: ${message}`)
    return [`${name}: ${message}`]
  }
}

async function main(): Promise<void> {
  const startedAt = performance.now()
  console.log(`node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}); bot and fake GitHub on 127.0.0.1`)
  const sender = new WebhookSender()
  const failures: string[] = []
  try {
    // `npm run bench:bot -- limits` runs one phase (burst, cost, limits, alerts, hostile); no argument runs all five.
    const only = new Set(process.argv.slice(2))
    const isWanted = (name: string): boolean => only.size === 0 || only.has(name)
    if (isWanted('burst')) failures.push(...(await phase('burst', () => runBurstPhase(sender))))
    if (isWanted('cost')) failures.push(...(await phase('cost', () => runCostPhase())))
    if (isWanted('limits')) failures.push(...(await phase('beyond limits', () => runLimitsPhase(sender))))
    if (isWanted('alerts')) failures.push(...(await phase('alerts', () => runAlertsPhase())))
    if (isWanted('hostile')) failures.push(...(await phase('hostile', () => runHostilePhase(sender))))
  } finally {
    await sender.close()
  }
  console.log(`\nbenchmark took ${((performance.now() - startedAt) / 1000).toFixed(0)} s`)
  if (failures.length === 0) return
  console.log(`\nFunctional failures (${failures.length}):`)
  for (const failure of failures) console.log(`  - ${failure}`)
  process.exitCode = 1
}

await main()
