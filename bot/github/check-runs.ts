import { CHECK_RUN_NAME, type Annotation } from '../../src/incidents/render-check-run.js'
import type { RepoClient } from './types.js'

/** The check run of a configuration problem: separate, so fixing the file clears it without hiding leaks. */
export const CONFIG_CHECK_RUN_NAME = `${CHECK_RUN_NAME}: configuration`

/** Output limits of a check run (docs/facts.md §5). */
const MAX_OUTPUT_CHARS = 65_535

interface CheckRunContent {
  readonly name: string
  readonly conclusion: 'failure' | 'success' | 'neutral'
  readonly title: string
  readonly summary: string
  readonly text?: string
  readonly batches?: readonly (readonly Annotation[])[]
}

/**
 * Creates a completed check run on `headSha`. Annotations go 50 per request: the first batch with the creation, the
 * rest appended by updates (GitHub refuses a 51st annotation in one request).
 */
export async function createCheckRun({ octokit, repo }: RepoClient, headSha: string, content: CheckRunContent): Promise<{ id: number; url: string }> {
  const [first = [], ...rest] = content.batches ?? []
  const output = (annotations: readonly Annotation[]) => ({
    title: content.title,
    summary: content.summary.slice(0, MAX_OUTPUT_CHARS),
    ...(content.text === undefined ? {} : { text: content.text.slice(0, MAX_OUTPUT_CHARS) }),
    ...(annotations.length === 0 ? {} : { annotations: [...annotations] }),
  })
  const { data } = await octokit.rest.checks.create({
    owner: repo.owner,
    repo: repo.name,
    name: content.name,
    head_sha: headSha,
    status: 'completed',
    conclusion: content.conclusion,
    output: output(first),
  })
  for (const batch of rest) {
    await octokit.rest.checks.update({ owner: repo.owner, repo: repo.name, check_run_id: data.id, output: output(batch) })
  }
  return { id: data.id, url: data.html_url ?? '' }
}
