// Sends signed webhook deliveries from a worker thread. The fake GitHub answers the bot in the main thread and works
// synchronously (schema validation, diffs), so a client timed there would count the fake's work as the bot's answer
// time; a worker has its own event loop.
import { isMainThread, parentPort, Worker } from 'node:worker_threads'
import { sendWebhook } from '../support/webhooks.js'

export interface Delivery {
  readonly index: number
  readonly deliveryId: string
  readonly payload: unknown
}

export interface SendPlan {
  readonly url: string
  readonly secret: string
  readonly deliveries: readonly Delivery[]
  /** Deliveries started together; the next wave starts `waveIntervalMs` later, whether or not this one was answered. */
  readonly perWave: number
  readonly waveIntervalMs: number
}

export interface DeliveryResult {
  readonly index: number
  readonly status: number
  /** Client-side: from the first byte sent to the whole answer read (`sendWebhook`'s `elapsedMs`). */
  readonly elapsedMs: number
  /** `Date.now()` when the request was sent: the fake's `atMs` uses the same clock. */
  readonly sentAtMs: number
  readonly error?: string
}

async function deliver(plan: SendPlan, delivery: Delivery): Promise<DeliveryResult> {
  const sentAtMs = Date.now()
  try {
    const answer = await sendWebhook({ url: plan.url, secret: plan.secret, name: 'push', deliveryId: delivery.deliveryId, payload: delivery.payload })
    return { index: delivery.index, status: answer.status, elapsedMs: answer.elapsedMs, sentAtMs }
  } catch (error: unknown) {
    return { index: delivery.index, status: 0, elapsedMs: Date.now() - sentAtMs, sentAtMs, error: error instanceof Error ? error.message : String(error) }
  }
}

async function sendAll(plan: SendPlan): Promise<DeliveryResult[]> {
  const pending: Promise<DeliveryResult>[] = []
  const startedAt = performance.now()
  for (let wave = 0; wave * plan.perWave < plan.deliveries.length; wave++) {
    const waitMs = startedAt + wave * plan.waveIntervalMs - performance.now()
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs))
    for (const delivery of plan.deliveries.slice(wave * plan.perWave, (wave + 1) * plan.perWave)) pending.push(deliver(plan, delivery))
  }
  return Promise.all(pending)
}

/** The main thread's side: one worker, one plan at a time. */
export class WebhookSender {
  private readonly worker = new Worker(new URL(import.meta.url))

  send(plan: SendPlan): Promise<DeliveryResult[]> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error): void => reject(error)
      this.worker.once('error', onError)
      this.worker.once('message', (results: DeliveryResult[]) => {
        this.worker.off('error', onError)
        resolve(results)
      })
      this.worker.postMessage(plan)
    })
  }

  async close(): Promise<void> {
    await this.worker.terminate()
  }
}

if (!isMainThread) {
  parentPort?.on('message', (plan: SendPlan) => {
    void sendAll(plan).then((results) => parentPort?.postMessage(results))
  })
}
