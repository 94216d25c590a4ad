import { createHash } from 'node:crypto'
import type { Finding, FindingKind } from '../src/scan/finding.js'
import { redactTokenShapes } from './safe-text.js'
import type { ScanReport } from './scan-report.js'
import { SARIF_RULES, sarifRuleId } from './sarif-rules.js'
import { CLI_INFORMATION_URI, CLI_VERSION } from './version.js'

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'
const RULE_KINDS = Object.keys(SARIF_RULES) as FindingKind[]

/** Bumped only if the inputs of the partial fingerprint change, so code scanning keeps matching old alerts. */
const PARTIAL_FINGERPRINT_KEY = 'localstackGuard/v1'

/**
 * SARIF 2.1.0 for GitHub code scanning (docs/facts.md §4): one run, one rule per finding kind, and no snippet anywhere:
 * a result's message holds the kind and the redacted token only.
 */
export function formatSarif(report: ScanReport): string {
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'localstack-guard', informationUri: CLI_INFORMATION_URI, version: CLI_VERSION, semanticVersion: CLI_VERSION, rules: RULE_KINDS.map(toRule) } },
        columnKind: 'utf16CodeUnits',
        results: report.findings.map(toResult),
      },
    ],
  }
  return `${JSON.stringify(log, null, 2)}\n`
}

function toRule(kind: FindingKind): object {
  const rule = SARIF_RULES[kind]
  const tags = rule.level === 'error' ? ['security', 'secret', 'localstack', 'external/cwe/cwe-798'] : ['maintainability', 'localstack']
  return {
    id: sarifRuleId(kind),
    name: rule.name,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: { text: rule.remediation, markdown: `**${rule.title}.** ${rule.description}\n\n${rule.remediation}` },
    defaultConfiguration: { level: rule.level },
    properties: {
      tags,
      precision: rule.precision,
      ...(rule.securitySeverity === undefined ? {} : { 'security-severity': rule.securitySeverity }),
    },
  }
}

function toResult(finding: Finding): object {
  const rule = SARIF_RULES[finding.kind]
  const inCommit = finding.commit === undefined ? '' : ` in commit ${finding.commit}`
  const inName = finding.line === 0 ? ' in the file name' : ''
  // A finding in the file name has no region: the whole artifact is the location.
  const region = finding.line === 0 ? {} : { region: { startLine: finding.line, startColumn: finding.column } }
  return {
    ruleId: sarifRuleId(finding.kind),
    ruleIndex: RULE_KINDS.indexOf(finding.kind),
    level: rule.level,
    message: { text: `${rule.title} ${finding.redacted}${inName}${inCommit} (${finding.kind}).` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toUri(redactTokenShapes(finding.file)), uriBaseId: '%SRCROOT%' },
          ...region,
        },
      },
    ],
    partialFingerprints: { [PARTIAL_FINGERPRINT_KEY]: partialFingerprint(finding) },
    properties: { fingerprint: finding.fingerprint, ...(finding.commit === undefined ? {} : { commit: finding.commit }) },
  }
}

/**
 * Stable across runs and line moves: the token's fingerprint plus the file, hashed again so the value is opaque.
 * The same token in two files is two alerts; moving it within a file keeps its alert.
 */
export function partialFingerprint(finding: Pick<Finding, 'fingerprint' | 'file'>): string {
  return createHash('sha256').update(`${finding.fingerprint}\u0000${finding.file}`).digest('hex')
}

/** A relative URI reference: each path segment percent-encoded, `/` kept. */
function toUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/')
}
