import { InvalidInputError } from '../errors.js'

/** When the image is pulled: before every start, only when absent, or never (use what the machine has). */
export type PullPolicy = 'always' | 'missing' | 'never'

export interface PullPlan {
  readonly policy: PullPolicy
  /** Chosen by the Action from the tag, not by the workflow: a failed refresh of a present image is then a warning. */
  readonly isDefault: boolean
  /** The input that decided it, for messages (`skip-pull: true`, `pull-policy: never`, `the default for :latest`). */
  readonly decidedBy: string
}

const POLICIES: readonly PullPolicy[] = ['always', 'missing', 'never']

/**
 * The pull policy from `pull-policy` and the incumbent's `skip-pull` (`true` means `never`).
 *
 * The default depends on the tag. A tag that names no version (`latest`, `stable`, any tag without a digit) moves, so
 * it is pulled every time: on a hosted runner the image is never present anyway, and a self-hosted runner does not
 * keep a months-old `latest`. A version tag (`2026.3`, `4.0.3`) or a digest is pulled only when absent, which keeps
 * re-runs on self-hosted runners free of registry traffic.
 */
export function resolvePullPolicy(input: { pullPolicy: string; isSkipPull: boolean; image: string }): PullPlan {
  const explicit = input.pullPolicy.trim().toLowerCase()
  if (explicit !== '' && !(POLICIES as readonly string[]).includes(explicit)) {
    throw new InvalidInputError(`Input pull-policy is invalid: got "${input.pullPolicy.slice(0, 40)}". It accepts always, missing or never (empty chooses by tag).`)
  }
  if (input.isSkipPull) {
    if (explicit !== '' && explicit !== 'never') {
      throw new InvalidInputError(`Inputs skip-pull and pull-policy disagree: skip-pull is true, which means never, but pull-policy is ${explicit}. Remove one of them.`)
    }
    return { policy: 'never', isDefault: false, decidedBy: 'skip-pull: true' }
  }
  if (explicit !== '') return { policy: explicit as PullPolicy, isDefault: false, decidedBy: `pull-policy: ${explicit}` }
  const tag = imageTag(input.image)
  if (tag === undefined) return { policy: 'missing', isDefault: true, decidedBy: 'the default for an image pinned by digest' }
  const isMutable = !/\d/.test(tag)
  return { policy: isMutable ? 'always' : 'missing', isDefault: true, decidedBy: `the default for the tag ${tag}` }
}

/** The tag of `repository:tag`; undefined for a digest reference. */
function imageTag(image: string): string | undefined {
  if (image.includes('@')) return undefined
  const lastSegment = image.slice(image.lastIndexOf('/') + 1)
  const colon = lastSegment.lastIndexOf(':')
  return colon < 0 ? 'latest' : lastSegment.slice(colon + 1)
}
