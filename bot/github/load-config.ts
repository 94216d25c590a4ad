import { InvalidConfigError, toError } from '../../src/errors.js'
import type { RecordStore } from '../../src/ports.js'
import { DEFAULT_GUARD_CONFIG, GUARD_CONFIG_PATH, validateGuardConfig, type GuardConfig } from '../../src/scan/guard-config.js'
import type { RepoClient, RepoRef } from './types.js'

/** A configuration as the bot uses it: valid values (the defaults when the file is broken) and what was wrong. */
export interface LoadedConfig {
  readonly config: GuardConfig
  /** Set when the file is broken: the one-line message and its `key: problem` lines. */
  readonly problem?: { readonly message: string; readonly problems: readonly string[] }
  /** Where it came from, e.g. `acme/widgets/.github/localstack-guard.yml`, or undefined for the defaults. */
  readonly source?: string
}

const NAMESPACE = 'config'

/**
 * Reads `.github/localstack-guard.yml` (falling back to the organisation's `.github` repository, through Probot's
 * config plugin) and caches the result in the store: a push costs no config read unless it changed the file.
 * `refresh` forces a read (the caller knows the file changed).
 */
export async function loadConfig(client: RepoClient, records: RecordStore, options: { refresh: boolean }): Promise<LoadedConfig> {
  const { repo } = client
  const cached = options.refresh ? undefined : await peekConfig(repo, records)
  if (cached !== undefined) return cached
  const generation = await ownerGeneration(records, repo.owner)
  const loaded = await readConfig(client)
  await records.putRecord(NAMESPACE, String(repo.id), { ...loaded, generation })
  return loaded
}

/** The cached configuration, without any API call; undefined when there is none or it is stale. */
export async function peekConfig(repo: RepoRef, records: RecordStore): Promise<LoadedConfig | undefined> {
  const cached = await records.getRecord<LoadedConfig & { generation: number }>(NAMESPACE, String(repo.id))
  if (cached === undefined || cached.generation !== (await ownerGeneration(records, repo.owner))) return undefined
  return cached
}

async function ownerGeneration(records: RecordStore, owner: string): Promise<number> {
  return (await records.getRecord<number>('config-generation', owner)) ?? 0
}

/** A change to the organisation's `.github` repository invalidates the cached config of all its repositories. */
export async function invalidateOwnerConfigs(records: RecordStore, owner: string): Promise<void> {
  const generation = (await records.getRecord<number>('config-generation', owner)) ?? 0
  await records.putRecord('config-generation', owner, generation + 1)
}

/**
 * The organisation's configuration, from its `.github` repository (the defaults when it has none or the app cannot
 * read it). Cached like a repository's, and invalidated by a push to that repository.
 */
export async function loadOrganizationConfig(octokit: RepoClient['octokit'], owner: string, context: { records: RecordStore; repository?: LoadedConfig }): Promise<LoadedConfig> {
  const { records, repository } = context
  // The repository's own read already looked at the organisation's file when the repository has none.
  if (repository !== undefined && repository.problem === undefined) {
    if (repository.source === undefined) return { config: DEFAULT_GUARD_CONFIG }
    if (repository.source.startsWith(`${owner}/.github/`)) return repository
  }
  const key = `org:${owner}`
  const generation = await ownerGeneration(records, owner)
  const cached = await records.getRecord<LoadedConfig & { generation: number }>(NAMESPACE, key)
  if (cached !== undefined && cached.generation === generation) return cached
  let loaded: LoadedConfig
  try {
    loaded = await readConfig({ octokit, repo: { id: 0, owner, name: '.github', defaultBranch: '' } })
    // The plugin falls back to `<owner>/.github` itself: only a file in that repository counts here.
    if (loaded.source !== undefined && !loaded.source.startsWith(`${owner}/.github/`)) loaded = { config: DEFAULT_GUARD_CONFIG }
  } catch (error: unknown) {
    const status = (error as { status?: number }).status
    if (status !== 404 && status !== 403) throw error
    loaded = { config: DEFAULT_GUARD_CONFIG }
  }
  await records.putRecord(NAMESPACE, key, { ...loaded, generation })
  return loaded
}

async function readConfig({ octokit, repo }: RepoClient): Promise<LoadedConfig> {
  let raw: unknown
  let source: string | undefined
  try {
    const result = await octokit.config.get({ owner: repo.owner, repo: repo.name, path: GUARD_CONFIG_PATH })
    const file = result.files.find((f) => f.config !== null)
    raw = file?.config ?? {}
    source = file === undefined ? undefined : `${file.owner}/${file.repo}/${file.path}`
  } catch (thrown: unknown) {
    // The plugin throws on YAML it cannot parse: that is a broken file, not a failed job.
    const error = toError(thrown)
    if ((error as { status?: number }).status !== undefined) throw error
    const problems = [`(yaml): ${error.message.split('\n')[0] ?? 'unreadable YAML'}`]
    return { config: DEFAULT_GUARD_CONFIG, problem: { message: `${GUARD_CONFIG_PATH} is not valid: ${problems[0]}. Fix the file; until then the defaults apply.`, problems } }
  }
  try {
    return { config: validateGuardConfig(raw, source ?? GUARD_CONFIG_PATH), ...(source === undefined ? {} : { source }) }
  } catch (thrown: unknown) {
    if (!(thrown instanceof InvalidConfigError)) throw thrown
    return { config: DEFAULT_GUARD_CONFIG, problem: { message: thrown.message, problems: thrown.problems }, ...(source === undefined ? {} : { source }) }
  }
}
