import type { RecordStore } from '../../src/ports.js'
import { MIGRATION_TITLE, renderMigrationBody, type MigrationItem } from '../../src/incidents/render-migration-issue.js'
import type { RepoClient } from './types.js'

/** What the bot remembers of a repository's migration. */
export interface MigrationRecord {
  readonly issueNumber?: number
  readonly items: readonly MigrationItem[]
  readonly hasLegacySecret: boolean
}

const NAMESPACE = 'migration'
export const MIGRATION_LABEL = 'localstack-migration'

/**
 * Keeps one migration issue per repository up to date: created on the first item, edited when the list changes,
 * untouched otherwise (a repeated push writes nothing). `replace` is set by a full sweep, whose list is complete.
 */
export async function upsertMigrationIssue(
  { octokit, repo }: RepoClient,
  records: RecordStore,
  found: { items: readonly MigrationItem[]; hasLegacySecret?: boolean; replace: boolean },
): Promise<{ issueNumber?: number; isChanged: boolean }> {
  const known = (await records.getRecord<MigrationRecord>(NAMESPACE, String(repo.id))) ?? { items: [], hasLegacySecret: false }
  const items = found.replace ? [...found.items] : mergeItems(known.items, found.items)
  const hasLegacySecret = found.hasLegacySecret ?? known.hasLegacySecret
  const isChanged = JSON.stringify(items) !== JSON.stringify(known.items) || hasLegacySecret !== known.hasLegacySecret
  if (!isChanged || (items.length === 0 && !hasLegacySecret)) return { ...(known.issueNumber === undefined ? {} : { issueNumber: known.issueNumber }), isChanged: false }
  const body = renderMigrationBody(items, { hasLegacySecret })
  let issueNumber = known.issueNumber
  if (issueNumber === undefined) {
    const { data } = await octokit.rest.issues.create({ owner: repo.owner, repo: repo.name, title: MIGRATION_TITLE, body, labels: [MIGRATION_LABEL] })
    issueNumber = data.number
  } else {
    await octokit.rest.issues.update({ owner: repo.owner, repo: repo.name, issue_number: issueNumber, body })
  }
  await records.putRecord(NAMESPACE, String(repo.id), { issueNumber, items, hasLegacySecret } satisfies MigrationRecord)
  return { issueNumber, isChanged: true }
}

function mergeItems(known: readonly MigrationItem[], found: readonly MigrationItem[]): MigrationItem[] {
  const byPlace = new Map(known.map((item) => [`${item.path}:${item.line}`, item]))
  for (const item of found) byPlace.set(`${item.path}:${item.line}`, item)
  return [...byPlace.values()].sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line)
}
