import type { GitHubClient } from '../../../bot/github/types.js'
import { createGuardMetrics } from '../../../bot/metrics/guard-metrics.js'
import { redeliverFailedDeliveries } from '../../../bot/recovery/redeliver-failed-deliveries.js'
import type { RecordStore } from '../../../src/ports.js'
import { RecordingLogger } from '../../fakes/recording-logger.js'

const NOW = Date.UTC(2026, 0, 2)
const HOUR = 3_600_000

function item(id: number, guid: string, statusCode: number, ageMs: number) {
  return { id, guid, delivered_at: new Date(NOW - ageMs).toISOString(), status_code: statusCode, event: 'push' }
}

/** An app client answering the deliveries list in pages of two, newest first, and recording redelivery requests. */
function fakeApp(items: ReturnType<typeof item>[]) {
  const redelivered: number[] = []
  const octokit = {
    async request(route: string, params: { cursor?: string; delivery_id?: number }) {
      if (route.startsWith('POST')) {
        redelivered.push(params.delivery_id ?? -1)
        return { status: 202, data: {}, headers: {} }
      }
      const start = Number(params.cursor ?? 0)
      const link = start + 2 < items.length ? `<https://api.github.test/app/hook/deliveries?per_page=100&cursor=${start + 2}>; rel="next"` : undefined
      return { status: 200, data: items.slice(start, start + 2), headers: link === undefined ? {} : { link } }
    },
  }
  return { octokit: octokit as unknown as GitHubClient, redelivered }
}

function memoryRecords(): RecordStore {
  const map = new Map<string, unknown>()
  return {
    getRecord: async <T>(namespace: string, key: string) => map.get(`${namespace}/${key}`) as T | undefined,
    putRecord: async (namespace, key, value) => void map.set(`${namespace}/${key}`, value),
  }
}

describe('redelivering failed webhook deliveries', () => {
  const deps = () => ({ records: memoryRecords(), log: new RecordingLogger(), metrics: createGuardMetrics(), nowMs: () => NOW, windowMs: 24 * HOUR })

  it('redelivers the latest failed attempt of each delivery that never succeeded, across pages', async () => {
    const { octokit, redelivered } = fakeApp([item(9, 'c', 0, 1000), item(8, 'b', 200, 2000), item(7, 'a', 502, 3000), item(6, 'b', 503, 4000), item(5, 'a', 0, 5000)])
    expect(await redeliverFailedDeliveries(octokit, deps())).toEqual({ redelivered: 2, failed: 0 })
    expect(redelivered).toEqual([9, 7])
  })

  it('ignores deliveries older than the window', async () => {
    const { octokit, redelivered } = fakeApp([item(2, 'new', 0, HOUR), item(1, 'old', 0, 30 * HOUR)])
    await redeliverFailedDeliveries(octokit, deps())
    expect(redelivered).toEqual([2])
  })

  it('gives up on a delivery after three redeliveries', async () => {
    const { octokit, redelivered } = fakeApp([item(1, 'stubborn', 500, 1000)])
    const shared = deps()
    for (let sweep = 0; sweep < 5; sweep++) await redeliverFailedDeliveries(octokit, shared)
    expect(redelivered).toEqual([1, 1, 1])
  })
})
