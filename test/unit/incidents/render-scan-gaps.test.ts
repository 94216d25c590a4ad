import { incompleteScanConclusion, listScanGaps, MAX_LISTED_GAPS, renderScanGaps } from '../../../src/incidents/render-scan-gaps.js'

describe('what a scan did not cover, on a check run', () => {
  it('fails when a file was not scanned at all, and is neutral when files were only capped', () => {
    expect(incompleteScanConclusion([{ file: 'a', message: 'capped', failed: false }])).toBe('neutral')
    expect(incompleteScanConclusion([{ file: 'a', message: 'capped', failed: false }, { file: 'b', message: 'crashed', failed: true }])).toBe('failure')
  })

  it('keeps a pushed path from closing its code span or starting a new line', () => {
    expect(listScanGaps([{ file: 'x`\n# URGENT', message: 'stopped\nhere', failed: true }])).toEqual(['- `x??# URGENT`: stopped here'])
  })

  it('lists the first files, counts the rest, and counts occurrences not listed', () => {
    const gaps = Array.from({ length: MAX_LISTED_GAPS + 3 }, (_, i) => ({ file: `f${i}`, message: 'capped', failed: false }))
    const text = renderScanGaps(gaps, 7)
    expect(text).toContain(`**Not fully scanned** (${MAX_LISTED_GAPS + 3} files)`)
    expect(text).toContain('- and 3 more')
    expect(text).toContain('7 further occurrences were found and not listed')
    expect(renderScanGaps([], 0)).toBe('')
  })
})
