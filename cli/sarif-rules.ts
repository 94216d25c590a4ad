import type { FindingKind } from '../src/scan/finding.js'

/** What SARIF says about one finding kind: a rule of the tool's driver. */
export interface SarifRuleText {
  readonly name: string
  readonly title: string
  readonly description: string
  readonly remediation: string
  /** GitHub code scanning's 0.0–10.0 score; present for leaks only. */
  readonly securitySeverity?: string
  readonly level: 'error' | 'note'
  readonly precision: 'very-high' | 'high'
}

const ROTATE =
  'Rotate the token now: reset it in the LocalStack web app (Auth Tokens), because deleting it from the file leaves it ' +
  'in git history and in every clone. Then keep the new token only in a secret, such as the LOCALSTACK_AUTH_TOKEN ' +
  'Actions secret, and reference it from code (for example ${{ secrets.LOCALSTACK_AUTH_TOKEN }}).'

/** One rule per finding kind, in a fixed order so rule indexes stay stable between runs. */
export const SARIF_RULES: Readonly<Record<FindingKind, SarifRuleText>> = {
  'ci-token': {
    name: 'LocalStackCiAuthToken',
    title: 'LocalStack CI Auth Token',
    description: 'A checksum-valid LocalStack CI Auth Token (lsci-…) is in the code. Anyone who reads it can activate LocalStack on your workspace licence.',
    remediation: ROTATE,
    securitySeverity: '9.0',
    level: 'error',
    precision: 'very-high',
  },
  'developer-token': {
    name: 'LocalStackDeveloperAuthToken',
    title: 'LocalStack Developer Auth Token',
    description: 'A checksum-valid personal LocalStack Developer Auth Token (ls-…) is in the code. It identifies and licenses one person.',
    remediation: `${ROTATE} Developer tokens cannot be used in CI: create a CI Auth Token for pipelines.`,
    securitySeverity: '9.0',
    level: 'error',
    precision: 'very-high',
  },
  'auth-token': {
    name: 'LocalStackAuthToken',
    title: 'LocalStack Auth Token',
    description: 'A checksum-valid LocalStack Auth Token with a prefix other than ls- or lsci- is in the code.',
    remediation: ROTATE,
    securitySeverity: '9.0',
    level: 'error',
    precision: 'very-high',
  },
  'legacy-key': {
    name: 'LocalStackLegacyApiKey',
    title: 'LocalStack legacy API key',
    description: 'A literal value is given to LOCALSTACK_API_KEY (or localstack_api_key, an ls-api-key header): a legacy LocalStack API key.',
    remediation:
      'Revoke the key in the LocalStack web app and remove it. Legacy API keys are being phased out and stop activating: ' +
      'create an Auth Token and store it in a secret read as LOCALSTACK_AUTH_TOKEN.',
    securitySeverity: '7.5',
    level: 'error',
    precision: 'high',
  },
  'legacy-key-reference': {
    name: 'LocalStackLegacyApiKeyReference',
    title: 'Reference to LOCALSTACK_API_KEY',
    description: 'The code reads the legacy LOCALSTACK_API_KEY variable. Legacy API keys are being phased out and stop activating.',
    remediation:
      'Create an Auth Token (a CI Auth Token for pipelines), store it as LOCALSTACK_AUTH_TOKEN, and replace the ' +
      'LOCALSTACK_API_KEY reference with LOCALSTACK_AUTH_TOKEN.',
    level: 'note',
    precision: 'very-high',
  },
}

/** `localstack/ci-token` and so on: the kind, namespaced so the ids cannot collide with another tool's. */
export function sarifRuleId(kind: FindingKind): string {
  return `localstack/${kind}`
}
