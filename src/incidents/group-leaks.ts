import type { Finding, FindingKind } from '../scan/finding.js'
import type { Exposure, Sighting } from './incident.js'

/** The leaks of one scan, grouped by token: one future incident each. */
export interface LeakGroup {
  readonly fingerprint: string
  readonly kind: FindingKind
  readonly redacted: string
  readonly sightings: Sighting[]
}

/** Groups leak findings by fingerprint and turns them into sightings in `repository`. */
export function groupLeaks(findings: readonly Finding[], where: { repository: string; headSha: string; ref?: string; pusher?: string; exposure?: Exposure }): LeakGroup[] {
  const groups = new Map<string, LeakGroup>()
  for (const finding of findings) {
    if (finding.category !== 'leak') continue
    const group = groups.get(finding.fingerprint) ?? { fingerprint: finding.fingerprint, kind: finding.kind, redacted: finding.redacted, sightings: [] }
    group.sightings.push({
      repository: where.repository,
      commit: finding.commit ?? where.headSha,
      path: finding.file,
      line: finding.line,
      ...(where.ref === undefined ? {} : { ref: where.ref }),
      ...(where.pusher === undefined ? {} : { pusher: where.pusher }),
      ...(where.exposure === undefined ? {} : { exposure: where.exposure }),
    })
    groups.set(finding.fingerprint, group)
  }
  return [...groups.values()]
}
