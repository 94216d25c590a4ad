import type { IncidentGitHub } from './incident-github.js'
import type { AlertSettings } from './leak-response.js'

/** Where an incident is tracked: an issue in `repository`, or nowhere public with the reason said elsewhere. */
export type IncidentRoute = { readonly repository: string } | { readonly untrackedReason: string }

/**
 * Never points at a live token in public. A leak in a public repository goes to the configured security repository,
 * which must itself be private (a configuration in a public repository could name any repository, so the bot checks
 * instead of trusting it); without one, no issue is opened and the reason is returned for the check run and alert.
 */
export async function routeIncident(source: { repository: string; isPublic: boolean }, settings: AlertSettings, github: IncidentGitHub): Promise<IncidentRoute> {
  const wantsSecurity = source.isPublic || settings.isSecurityRepositoryAlways
  if (!wantsSecurity) return { repository: source.repository }
  const target = settings.securityRepository
  if (target === undefined) {
    if (!source.isPublic) return { repository: source.repository }
    return { untrackedReason: 'the repository is public and no private `alerts.repository` is configured, so no incident issue was opened (it would point at a live token in public). Set `alerts.repository` in the organisation\'s `.github/localstack-guard.yml`.' }
  }
  const visibility = await github.visibilityOf(target)
  if (visibility === 'private') return { repository: target }
  if (!source.isPublic) return { repository: source.repository }
  const why = visibility === 'public' ? 'is public' : 'is not reachable by the app (missing, or not in the installation)'
  return { untrackedReason: `the repository is public and the configured \`alerts.repository\` ${target} ${why}, so no incident issue was opened. Point \`alerts.repository\` at a private repository the app is installed on.` }
}
