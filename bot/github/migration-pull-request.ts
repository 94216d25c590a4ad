import { renameLegacyVariable } from '../../src/incidents/rename-legacy-variable.js'
import type { MigrationItem } from '../../src/incidents/render-migration-issue.js'
import type { RecordStore } from '../../src/ports.js'
import type { RepoClient } from './types.js'

const NAMESPACE = 'migration-pull-request'
export const MIGRATION_BRANCH = 'localstack-guard/migrate-to-auth-token'

/**
 * With `migration: pull-request`, the migration is offered as a change rather than a list: one branch, one commit per
 * file renaming `LOCALSTACK_API_KEY` to `LOCALSTACK_AUTH_TOKEN`, one pull request per repository (never a second).
 */
export async function openMigrationPullRequest(client: RepoClient, records: RecordStore, items: readonly MigrationItem[]): Promise<{ number?: number }> {
  const { octokit, repo } = client
  const known = await records.getRecord<{ number: number }>(NAMESPACE, String(repo.id))
  if (known !== undefined || items.length === 0) return known ?? {}
  const { data: base } = await octokit.rest.git.getRef({ owner: repo.owner, repo: repo.name, ref: `heads/${repo.defaultBranch}` })
  await createBranch(client, base.object.sha)
  let changedFiles = 0
  const paths = [...new Set(items.map((item) => item.path))]
  // GitHub refuses an app's change under .github/workflows/ without the `workflows` permission (opt-in, README).
  const skipped = (await canEditWorkflows(client)) ? [] : paths.filter(isWorkflowPath)
  for (const path of paths.filter((p) => !skipped.includes(p))) changedFiles += (await renameInFile(client, path)) ? 1 : 0
  if (changedFiles === 0) return {}
  const { data: pull } = await octokit.rest.pulls.create({
    owner: repo.owner,
    repo: repo.name,
    head: MIGRATION_BRANCH,
    base: repo.defaultBranch,
    title: 'Use LOCALSTACK_AUTH_TOKEN instead of the legacy LOCALSTACK_API_KEY',
    body: [
      'Legacy LocalStack API keys no longer activate the emulator. This change renames `LOCALSTACK_API_KEY` to `LOCALSTACK_AUTH_TOKEN` in every place LocalStack Token Guard found.',
      '',
      '**Before merging:** create a CI Auth Token in the LocalStack web app (Auth Tokens page) and store it as the Actions secret `LOCALSTACK_AUTH_TOKEN`. Then delete the `LOCALSTACK_API_KEY` secret.',
      ...(skipped.length === 0
        ? []
        : ['', `**Not changed here:** ${skipped.map((p) => `\`${p}\``).join(', ')}. GitHub lets an app change workflow files only with the \`workflows\` permission, which this app was not granted: rename the variable there by hand, or grant the permission.`]),
    ].join('\n'),
  })
  await records.putRecord(NAMESPACE, String(repo.id), { number: pull.number })
  return { number: pull.number }
}

const isWorkflowPath = (path: string): boolean => path.startsWith('.github/workflows/')

/** The installation token's own permissions (cached by the auth strategy, so no request). */
async function canEditWorkflows({ octokit }: RepoClient): Promise<boolean> {
  const auth = (await octokit.auth({ type: 'installation' })) as { permissions?: Record<string, string> } | undefined
  return auth?.permissions?.['workflows'] === 'write'
}

async function createBranch({ octokit, repo }: RepoClient, sha: string): Promise<void> {
  try {
    await octokit.rest.git.createRef({ owner: repo.owner, repo: repo.name, ref: `refs/heads/${MIGRATION_BRANCH}`, sha })
  } catch (error: unknown) {
    // 422: the branch exists (a previous attempt died before the pull request): reuse it.
    if ((error as { status?: number }).status !== 422) throw error
  }
}

async function renameInFile({ octokit, repo }: RepoClient, path: string): Promise<boolean> {
  const { data } = await octokit.rest.repos.getContent({ owner: repo.owner, repo: repo.name, path, ref: MIGRATION_BRANCH })
  if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return false
  const { text, replacements } = renameLegacyVariable(Buffer.from(data.content, 'base64').toString('utf8'))
  if (replacements === 0) return false
  await octokit.rest.repos.createOrUpdateFileContents({
    owner: repo.owner,
    repo: repo.name,
    path,
    branch: MIGRATION_BRANCH,
    sha: data.sha,
    message: `Rename LOCALSTACK_API_KEY to LOCALSTACK_AUTH_TOKEN in ${path}`,
    content: Buffer.from(text, 'utf8').toString('base64'),
  })
  return true
}
