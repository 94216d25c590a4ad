import { createProgress } from '../../../cli/progress.js'
import { createCounters } from '../../../cli/scan-report.js'
import { CapturedStream } from './io-fakes.js'

function setup(isEnabled: boolean, isHistory = false) {
  const stream = new CapturedStream(true)
  let nowMs = 0
  const progress = createProgress(stream, { isEnabled, isHistory, now: () => nowMs })
  return { stream, progress, advance: (ms: number) => (nowMs += ms) }
}

describe('createProgress', () => {
  it('writes nothing when stderr is not a terminal', () => {
    const { stream, progress } = setup(false)

    progress.update({ ...createCounters(), files: 3 })
    progress.finish()

    expect(stream.text).toBe('')
  })

  it('rewrites one line with \\r, at most every 100 ms', () => {
    const { stream, progress, advance } = setup(true)
    const counters = createCounters()

    counters.files = 1
    progress.update(counters)
    advance(50)
    counters.files = 2
    progress.update(counters)
    advance(60)
    counters.files = 3
    counters.bytes = 2_500_000
    progress.update(counters)

    expect(stream.text.split('\r').filter(Boolean)).toEqual([
      'localstack-guard: scanning… 1 files, 0 B\u001b[K',
      'localstack-guard: scanning… 3 files, 2.5 MB\u001b[K',
    ])
  })

  it('counts commits for a history scan and clears its line when done', () => {
    const { stream, progress } = setup(true, true)

    progress.update({ ...createCounters(), commits: 12 })
    progress.finish()

    expect(stream.text).toBe('\rlocalstack-guard: scanning… 12 commits, 0 B\u001b[K\r\u001b[K')
  })
})
