import { ImagePullError } from '../../src/errors.js'
import type { Clock, PullProgress } from '../../src/ports.js'
import { dockerMessage, readBody, type DockerApi } from './docker-api.js'
import { parsePullEvents, toMilestone } from './pull-progress.js'

/** Backoff before the 2nd and 3rd attempt: short, so an unpullable image still fails within seconds. */
const RETRY_DELAYS_MS = [500, 1_500]
/** Registry failures that say the image does not exist or is not ours to pull: retrying cannot help. */
const PERMANENT = /not found|manifest unknown|pull access denied|repository does not exist|unauthorized|denied|invalid reference/i

export interface PullOptions {
  readonly signal: AbortSignal
  readonly onProgress?: (progress: PullProgress) => void
}

/**
 * Pulls `image` through `POST /images/create`, retrying transient registry and network failures (timeouts, resets,
 * DNS, 5xx, rate limits) twice. A pull can fail with HTTP 200 and an `error` line in the stream, so both are checked.
 */
export async function pullImage(api: DockerApi, image: string, options: PullOptions & { clock: Clock }): Promise<void> {
  let lastError = ''
  for (let attempt = 0; attempt <= RETRY_DELAYS_MS.length; attempt++) {
    if (attempt > 0) await options.clock.sleep(RETRY_DELAYS_MS[attempt - 1] ?? 0, options.signal)
    lastError = await pullOnce(api, image, options)
    if (lastError === '') return
    if (PERMANENT.test(lastError)) {
      throw new ImagePullError(
        `Pulling the LocalStack image failed: ${image} is not on this machine and the registry refused it ("${lastError}"). Check the image and image-tag inputs.`,
      )
    }
    options.onProgress?.({ layer: undefined, status: `attempt ${attempt + 1} failed: ${lastError}` })
  }
  throw new ImagePullError(
    `Pulling the LocalStack image failed: ${image} is not on this machine and ${RETRY_DELAYS_MS.length + 1} pull attempts failed (last: "${lastError}"). ` +
      'Check that the runner can reach the registry, or load the image before this step (docker load).',
  )
}

/** One attempt; resolves with the error text, or '' on success. */
async function pullOnce(api: DockerApi, image: string, options: PullOptions): Promise<string> {
  const req = { method: 'POST' as const, path: '/images/create', query: { fromImage: image }, signal: options.signal, timeoutMs: 0 }
  const response = await api.open(req)
  if (response.statusCode !== 200) return dockerMessage(await readBody(response.body))
  let carry = ''
  let error = ''
  const consume = (text: string): void => {
    for (const event of parsePullEvents(text)) {
      if (event.error !== undefined) error = event.errorDetail?.message ?? event.error
      const milestone = toMilestone(event)
      if (milestone !== undefined) options.onProgress?.(milestone)
    }
  }
  for await (const chunk of response.body) {
    const text = carry + (chunk as Buffer).toString('utf8')
    const cut = text.lastIndexOf('\n')
    carry = text.slice(cut + 1)
    if (cut >= 0) consume(text.slice(0, cut))
  }
  consume(carry)
  return error
}
