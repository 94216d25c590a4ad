import type { MigrationItem } from './render-migration-issue.js'

/** Which migration artefacts to write. */
export interface MigrationPlan {
  readonly pullRequest: boolean
  readonly issue: boolean
}

/**
 * One rule for pushes and sweeps. `off` writes nothing. `pull-request` offers the change as a pull request; the issue
 * is still the place that lists everything, so it is kept when a sweep finds a leftover `LOCALSTACK_API_KEY`
 * repository secret (which no pull request can remove). `issue` keeps one issue. Nothing to migrate writes nothing,
 * except a sweep, whose complete list may empty an existing issue.
 */
export function planMigration(mode: 'issue' | 'pull-request' | 'off', found: { items: readonly MigrationItem[]; hasLegacySecret?: boolean; isSweep: boolean }): MigrationPlan {
  if (mode === 'off') return { pullRequest: false, issue: false }
  const hasItems = found.items.length > 0
  const hasSecret = found.hasLegacySecret === true
  if (mode === 'pull-request') return { pullRequest: hasItems, issue: found.isSweep && hasSecret }
  return { pullRequest: false, issue: hasItems || found.isSweep }
}
