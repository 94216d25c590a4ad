import type { FindingKind } from '../scan/finding.js'
import type { Exposure, Severity } from './incident.js'

/**
 * Severity from exposure and kind. A live Auth Token readable by anyone is critical: automated scrapers find public
 * credentials within minutes (GitHub's secret scanning docs: "About secret scanning"). A legacy API key no longer
 * activates LocalStack (docs/facts.md), so it is low whatever its exposure.
 */
export function severityOf(kind: FindingKind, exposure: Exposure): Severity {
  if (kind === 'legacy-key' || kind === 'legacy-key-reference') return 'low'
  if (exposure.isPublic) return 'critical'
  return exposure.isDefaultBranch ? 'high' : 'medium'
}

/** Words for an exposure, as the issue and the alert show it. */
export function describeExposure(exposure: Exposure): string {
  return `${exposure.isPublic ? 'public' : 'private'} repository, ${exposure.isDefaultBranch ? 'default branch' : 'not the default branch'}`
}
