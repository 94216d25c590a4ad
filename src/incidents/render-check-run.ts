import type { Finding } from '../scan/finding.js'

/** The check run's name, the same on every commit so GitHub groups it. */
export const CHECK_RUN_NAME = 'LocalStack token guard'

/** GitHub accepts at most 50 annotations per request (FACTS.md §5). */
export const ANNOTATIONS_PER_REQUEST = 50

/** One check-run annotation, in the API's own shape. */
export interface Annotation {
  readonly path: string
  readonly start_line: number
  readonly end_line: number
  readonly annotation_level: 'failure' | 'warning' | 'notice'
  readonly title: string
  readonly message: string
}

/** Output of a failed check run: a summary that says what to do, and the annotations in request-sized batches. */
export function renderLeakCheckRun(leaks: readonly Finding[], incidentLinks: ReadonlyMap<string, string>): { title: string; summary: string; batches: Annotation[][] } {
  // The first leak of each token, found in one pass: a `find` per token was O(tokens x leaks).
  const firstLeaks = new Map<string, Finding>()
  for (const leak of leaks) if (!firstLeaks.has(leak.fingerprint)) firstLeaks.set(leak.fingerprint, leak)
  const tokens = new Set(firstLeaks.keys())
  const title = `${tokens.size} leaked LocalStack credential${tokens.size === 1 ? '' : 's'} in ${leaks.length} place${leaks.length === 1 ? '' : 's'}`
  const incidentLines = [...tokens].map((fingerprint) => {
    const leak = firstLeaks.get(fingerprint)
    const link = incidentLinks.get(fingerprint)
    return `- \`${leak?.redacted ?? ''}\` (${leak?.kind ?? ''})${link === undefined ? '' : `: incident ${link}`}`
  })
  const summary = [
    'This push contains LocalStack credentials. **Rotate each one now**: deleting the line does not remove it from git history.',
    '',
    ...incidentLines,
    '',
    'Each incident issue lists every location and the steps to rotate. A line that is not a real token can carry a `localstack-guard:allow` comment.',
  ].join('\n')
  const annotations = leaks.map((leak): Annotation => ({
    path: leak.file,
    start_line: leak.line,
    end_line: leak.line,
    annotation_level: 'failure',
    title: `Leaked ${leak.kind}`,
    message: `${leak.redacted} (${leak.fingerprint}): rotate this credential; it is now in git history.`,
  }))
  const batches: Annotation[][] = []
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST))
  return { title, summary, batches }
}
