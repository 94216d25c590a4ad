import type { FindingKind } from '../scan/finding.js'
import type { Incident, Sighting } from './incident.js'

/** Hidden in every incident issue, so the issue can be found again from the fingerprint alone. */
export function incidentMarker(fingerprint: string): string {
  return `<!-- localstack-guard:incident ${fingerprint} -->`
}

const KIND_NAMES: Readonly<Record<FindingKind, string>> = {
  'developer-token': 'personal Developer Auth Token',
  'ci-token': 'CI Auth Token',
  'auth-token': 'LocalStack Auth Token',
  'legacy-key': 'legacy LocalStack API key',
  'legacy-key-reference': 'reference to LOCALSTACK_API_KEY',
}

/** Issues hold at most 65536 characters; past this many locations the list is summarised. */
const MAX_LISTED_SIGHTINGS = 200

/** A permalink to one line of one commit. */
export function permalink(webBaseUrl: string, sighting: Sighting): string {
  return `${webBaseUrl}/${sighting.repository}/blob/${sighting.commit}/${encodeURI(sighting.path)}#L${sighting.line}`
}

/** The incident issue's title: the kind and the redacted token only. */
export function renderIncidentTitle(incident: Pick<Incident, 'kind' | 'redacted'>): string {
  return `Leaked ${KIND_NAMES[incident.kind]}: ${incident.redacted}`
}

/**
 * The incident issue's body: what leaked (redacted), every location as a permalink, who pushed it, and what to do.
 * The token is in git history, so removing the line does not help: it must be rotated.
 */
export function renderIncidentBody(incident: Incident, options: { webBaseUrl: string; mention?: string }): string {
  const listed = incident.sightings.slice(0, MAX_LISTED_SIGHTINGS)
  const rows = listed.map((s) => `| [${s.repository}: \`${s.path}\` line ${s.line}](${permalink(options.webBaseUrl, s)}) | \`${s.commit.slice(0, 7)}\` | ${s.pusher === undefined ? '' : `@${s.pusher}`} |`)
  const hidden = incident.sightings.length - listed.length
  const rotation =
    incident.kind === 'legacy-key'
      ? 'Legacy API keys were phased out in 2025 and no longer activate; revoke it in the LocalStack web app and use a CI Auth Token instead.'
      : 'Open the LocalStack web app, **Auth Tokens**, and choose **Reset Auth Token**: the leaked token stops working at once.'
  return [
    incidentMarker(incident.fingerprint),
    `A ${KIND_NAMES[incident.kind]} was pushed to a repository: \`${incident.redacted}\`.`,
    options.mention === undefined ? '' : `\ncc ${options.mention}`,
    '',
    '### Where it was seen',
    '| location | commit | pushed by |',
    '| --- | --- | --- |',
    ...rows,
    hidden > 0 ? `\n…and ${hidden} more locations.` : '',
    '',
    '### What to do',
    `1. **Rotate it now.** ${rotation}`,
    '2. Put the new token in the `LOCALSTACK_AUTH_TOKEN` secret of every repository or organisation that uses it.',
    '3. Deleting the line is **not enough**: the token stays in git history, forks and clones. Rotation is the fix.',
    '4. Close this issue once the token is rotated.',
    '',
    `If this is not a real token, allow it in \`.github/localstack-guard.yml\` under \`allow-fingerprints\`: \`${incident.fingerprint}\``,
  ]
    .filter((line, index, lines) => !(line === '' && lines[index - 1] === ''))
    .join('\n')
}
