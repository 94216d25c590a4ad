import type { Finding } from '../scan/finding.js'

/** Hidden in the migration issue, so the one issue per repository can be found again. */
export const MIGRATION_MARKER = '<!-- localstack-guard:migration -->'

/** One place that still uses the legacy variable. */
export interface MigrationItem {
  readonly path: string
  readonly line: number
  /** The reference as written (safe to show: references hold no secret). */
  readonly reference: string
}

/** Migration items of a scan, one per place, in path order. */
export function toMigrationItems(findings: readonly Finding[]): MigrationItem[] {
  const items = findings.filter((f) => f.category === 'migration').map((f) => ({ path: f.file, line: f.line, reference: f.redacted }))
  const unique = new Map(items.map((item) => [`${item.path}:${item.line}`, item]))
  return [...unique.values()].sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line)
}

export const MIGRATION_TITLE = 'Migrate from LOCALSTACK_API_KEY to a LocalStack CI Auth Token'

/** The migration issue's body: each place, the exact change, and the steps around it. */
export function renderMigrationBody(items: readonly MigrationItem[], options: { hasLegacySecret: boolean }): string {
  const rows = items.map((item) => `- [ ] \`${item.path}\` line ${item.line}: \`${item.reference.replace(/`/g, "'")}\` → use \`LOCALSTACK_AUTH_TOKEN\``)
  return [
    MIGRATION_MARKER,
    'This repository still uses the legacy `LOCALSTACK_API_KEY`. Legacy API and CI keys no longer activate LocalStack, and setting both variables makes the emulator refuse to start.',
    '',
    '### Steps',
    '1. Create a **CI Auth Token** in the LocalStack web app (Auth Tokens page).',
    '2. Store it as the Actions secret `LOCALSTACK_AUTH_TOKEN`.',
    options.hasLegacySecret ? '3. Delete the repository secret `LOCALSTACK_API_KEY` once nothing reads it.' : '3. Remove any remaining `LOCALSTACK_API_KEY` secret once nothing reads it.',
    '4. Change each place below, and replace the old setup action with `uses: <owner>/setup-localstack@v1`.',
    '',
    '### Places',
    ...(rows.length > 0 ? rows : ['- (no references in files; only the repository secret)']),
  ].join('\n')
}
