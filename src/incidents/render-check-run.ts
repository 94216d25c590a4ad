import type { Finding } from '../scan/finding.js'
import { escapePlainText } from './markdown.js'
import type { TokenOutcome } from './record-sightings.js'
import { KIND_NAMES } from './render-incident-issue.js'

/** The check run's name, the same on every commit so GitHub groups it. */
export const CHECK_RUN_NAME = 'LocalStack token guard'

/** GitHub accepts at most 50 annotations per request (docs/facts.md). */
export const ANNOTATIONS_PER_REQUEST = 50

/** A flood of findings gets this many annotations (two requests); the summary counts the rest. */
export const MAX_ANNOTATIONS = 100

/** Tokens listed one per line in the summary; the rest are counted (a summary holds 65535 characters). */
const MAX_LISTED_TOKENS = 50

/** One check-run annotation, in the API's own shape. */
export interface Annotation {
  readonly path: string
  readonly start_line: number
  readonly end_line: number
  readonly annotation_level: 'failure' | 'warning' | 'notice'
  readonly title: string
  readonly message: string
}

/** A check run's verdict and output. */
export interface LeakCheckRun {
  readonly conclusion: 'failure' | 'neutral' | 'success'
  readonly title: string
  readonly summary: string
  readonly batches: Annotation[][]
}

const DEAD: ReadonlySet<string> = new Set(['rotated', 'resolved'])

/**
 * The check run of a push with leaks. A token whose incident was dismissed is left out; one already rotated is dead
 * and only noted. In a public repository the check run points at no incident and at no line: annotations name the
 * file only, once per file, since the line of a live token is exactly what must not be advertised.
 */
export function renderLeakCheckRun(leaks: readonly Finding[], outcomes: ReadonlyMap<string, TokenOutcome>, options: { isPublic: boolean }): LeakCheckRun {
  const shown = leaks.filter((leak) => outcomes.get(leak.fingerprint)?.state !== 'dismissed')
  const live = shown.filter((leak) => !DEAD.has(outcomes.get(leak.fingerprint)?.state ?? ''))
  const tokens = [...new Map(shown.map((leak) => [leak.fingerprint, leak])).values()]
  const liveTokens = new Set(live.map((leak) => leak.fingerprint)).size
  if (shown.length === 0) return { conclusion: 'success', title: 'No live LocalStack credentials', summary: 'Every credential found here was dismissed as a false positive.', batches: [] }
  const title =
    liveTokens > 0
      ? `${liveTokens} leaked LocalStack credential${liveTokens === 1 ? '' : 's'} in ${live.length} place${live.length === 1 ? '' : 's'}`
      : `${tokens.length} LocalStack credential${tokens.length === 1 ? '' : 's'} already rotated`
  const lines = tokens.slice(0, MAX_LISTED_TOKENS).map((leak) => tokenLine(leak, outcomes.get(leak.fingerprint), options))
  const annotations = annotate(shown, outcomes, options)
  const summary = [
    liveTokens > 0
      ? 'This push contains LocalStack credentials. **Rotate each one now**: deleting the line does not remove it from git history.'
      : 'This push contains LocalStack credentials that were already rotated: they no longer work. Nothing to do beyond removing them.',
    '',
    ...lines,
    tokens.length > MAX_LISTED_TOKENS ? `\n…and ${tokens.length - MAX_LISTED_TOKENS} more credentials.` : '',
    annotations.omitted > 0 ? `\n${annotations.omitted} more places are not annotated (at most ${MAX_ANNOTATIONS} annotations per check run).` : '',
    '',
    options.isPublic
      ? 'This repository is public, so this check run names files only; the incident and its locations are tracked privately.'
      : 'Each incident lists every location and the steps to rotate. A line that is not a real token can carry a `localstack-guard:allow` comment.',
  ].join('\n')
  return { conclusion: liveTokens > 0 ? 'failure' : 'neutral', title, summary, batches: batch(annotations.kept) }
}

function tokenLine(leak: Finding, outcome: TokenOutcome | undefined, options: { isPublic: boolean }): string {
  const head = `- \`${leak.redacted}\` (${KIND_NAMES[leak.kind]})`
  if (outcome === undefined) return head
  if (DEAD.has(outcome.state)) return `${head}: already rotated; this token is dead.`
  if (outcome.untrackedReason !== undefined) return `${head}: **no incident issue**: ${outcome.untrackedReason}`
  if (outcome.link !== undefined) return `${head}: incident ${outcome.link}`
  return `${head}: ${options.isPublic ? 'tracked in the organisation\'s private security repository.' : 'tracked in an incident you may not be able to read; ask the security team.'}`
}

function annotate(leaks: readonly Finding[], outcomes: ReadonlyMap<string, TokenOutcome>, options: { isPublic: boolean }): { kept: Annotation[]; omitted: number } {
  const all: Annotation[] = []
  const files = new Set<string>()
  for (const leak of leaks) {
    const isDead = DEAD.has(outcomes.get(leak.fingerprint)?.state ?? '')
    if (options.isPublic && files.has(leak.file)) continue
    files.add(leak.file)
    all.push({
      path: leak.file,
      start_line: options.isPublic ? 1 : leak.line,
      end_line: options.isPublic ? 1 : leak.line,
      annotation_level: isDead ? 'notice' : 'failure',
      title: isDead ? `Rotated ${leak.kind}` : `Leaked ${leak.kind}`,
      message: escapePlainText(
        options.isPublic
          ? 'This file contains a LocalStack credential. Rotate it: it is in git history.'
          : `${leak.redacted} (${leak.fingerprint}): ${isDead ? 'already rotated; remove it.' : 'rotate this credential; it is now in git history.'}`,
      ),
    })
  }
  return { kept: all.slice(0, MAX_ANNOTATIONS), omitted: Math.max(0, all.length - MAX_ANNOTATIONS) }
}

function batch(annotations: readonly Annotation[]): Annotation[][] {
  const batches: Annotation[][] = []
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST))
  return batches
}
