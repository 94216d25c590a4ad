import type { Finding } from '../../../src/scan/finding.js'
import { scanText } from '../../../src/scan/text-scanner.js'
import { generateLegacyKey, generateToken } from '../../support/generate-token.js'

/** Raw secrets planted in a scanned text, kept so tests can assert that no output contains them. */
export interface PlantedScan {
  readonly secrets: readonly string[]
  readonly findings: readonly Finding[]
}

/**
 * Scans generated text with the real scanner so formatter tests see real findings: one of every kind, a legacy key,
 * and a migration reference. Tokens come from the generator, never from literals (docs/style.md §7).
 */
export function scanPlantedSecrets(): PlantedScan {
  const ciToken = generateToken('lsci-')
  const developerToken = generateToken('ls-')
  const otherToken = generateToken('lsx-')
  const legacyKey = generateLegacyKey()
  const text = [
    `LOCALSTACK_AUTH_TOKEN=${ciToken}`,
    `localstack auth set-token ${developerToken}`,
    `TOKEN="${otherToken}"`,
    `LOCALSTACK_API_KEY=${legacyKey}`,
    'env: LOCALSTACK_API_KEY=${{ secrets.LOCALSTACK_API_KEY }}',
  ].join('\n')
  const findings = scanText(text, { file: 'deploy/dir with space/.env', commit: 'a'.repeat(40) })
  return { secrets: [ciToken, developerToken, otherToken, legacyKey], findings }
}

/** A hand-made finding for shape tests. */
export function makeFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    category: 'leak',
    kind: 'ci-token',
    file: 'src/config.ts',
    line: 3,
    column: 17,
    redacted: 'lsci-AbCd****-****-****-****-************',
    fingerprint: `sha256:${'0123456789abcdef'.repeat(4)}`,
    ...overrides,
  }
}
