import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { scanFile } from '../../../cli/sources/scan-file.js'
import { generateToken } from '../../support/generate-token.js'

describe('scanFile', () => {
  it('turns a read error into an unreadable result instead of throwing, so the scan goes on', () => {
    // /proc/self/mem is a regular file that fails to read at offset 0 (EIO), even for root.
    expect(scanFile({ absolutePath: '/proc/self/mem', file: 'mem' }, {})).toMatchObject({ outcome: 'unreadable', errorCode: 'EIO' })
  })

  it('calls a path that vanished gone, and decodes UTF-16 with a BOM', () => {
    const folder = mkdtempSync(join(tmpdir(), 'scan-file-'))
    try {
      const token = generateToken('lsci-')
      writeFileSync(join(folder, 'a.ps1'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`$t = "${token}"\r\n`, 'utf16le')]))
      expect(scanFile({ absolutePath: join(folder, 'missing'), file: 'missing' }, {})).toMatchObject({ outcome: 'gone' })
      expect(scanFile({ absolutePath: join(folder, 'a.ps1'), file: 'a.ps1' }, {})).toMatchObject({ outcome: 'scanned', findings: [{ kind: 'ci-token', line: 1, column: 7 }] })
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })
})
