import { renderLeakCheckRun } from '../../../src/incidents/render-check-run.js'
import type { Finding } from '../../../src/scan/finding.js'

/** An array that counts how often its elements are read: the work of a rendering, compared across sizes. */
function counted(findings: Finding[]): { leaks: Finding[]; reads: () => number } {
  let reads = 0
  const leaks = new Proxy(findings, {
    get(target, property, receiver) {
      if (typeof property === 'string' && /^\d+$/.test(property)) reads++
      return Reflect.get(target, property, receiver) as unknown
    },
  })
  return { leaks, reads: () => reads }
}

function distinctLeaks(count: number): Finding[] {
  return Array.from({ length: count }, (_, i) => ({
    category: 'leak',
    kind: 'ci-token',
    file: `f${i}.env`,
    line: 1,
    column: 1,
    redacted: 'lsci-abcd****-****-****-****-************',
    fingerprint: `sha256:${i.toString(16).padStart(64, '0')}`,
  }))
}

describe('the leak check run on a push of many tokens', () => {
  it('reads each leak a bounded number of times, whatever the number of distinct tokens', () => {
    const work = (count: number): number => {
      const { leaks, reads } = counted(distinctLeaks(count))
      renderLeakCheckRun(leaks, new Map(), { isPublic: false })
      return reads()
    }
    expect(work(4000)).toBeLessThanOrEqual(4000 * 4)
    expect(work(4000) / work(1000)).toBeLessThan(5)
  })
})
