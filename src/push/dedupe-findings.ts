import type { Finding } from '../scan/finding.js'

/**
 * The net diff (attributed to the head commit) and a commit's own diff can report the same place twice: keep one
 * per place, preferring the commit that introduced it over the head.
 */
export function dedupeFindings(findings: readonly Finding[], headSha: string): Finding[] {
  const byPlace = new Map<string, Finding>()
  for (const finding of findings) {
    const key = `${finding.fingerprint}\u0000${finding.file}\u0000${finding.line}`
    const known = byPlace.get(key)
    if (known === undefined || (known.commit === headSha && finding.commit !== headSha)) byPlace.set(key, finding)
  }
  return [...byPlace.values()]
}
