import { planMigration } from '../../../src/incidents/migration-plan.js'
import { groupLeaks } from '../../../src/incidents/group-leaks.js'
import { addSightings, type Incident } from '../../../src/incidents/incident.js'
import { ANNOTATIONS_PER_REQUEST, renderLeakCheckRun } from '../../../src/incidents/render-check-run.js'
import { renderIncidentBody, renderIncidentTitle } from '../../../src/incidents/render-incident-issue.js'
import { renderMigrationBody, toMigrationItems } from '../../../src/incidents/render-migration-issue.js'
import { transition } from '../../../src/incidents/transition.js'
import { scanText } from '../../../src/scan/index.js'
import { generateToken } from '../../support/generate-token.js'

describe('incidents', () => {
  const token = generateToken('lsci-')
  const findings = scanText(`A=${token}\nB=${token}\n`, { file: 'a.env', commit: 'c'.repeat(40) })
  const [group] = groupLeaks(findings, { repository: 'acme/app', headSha: 'd'.repeat(40), pusher: 'octocat' })
  const incident: Incident = { installationId: 1, fingerprint: group!.fingerprint, kind: group!.kind, redacted: group!.redacted, state: 'alerted', sightings: group!.sightings, openedAtMs: 0, exposure: { isPublic: false, isDefaultBranch: true }, severity: 'high', audit: [] }

  it('groups the leaks of a scan by token, one sighting per place', () => {
    expect(group?.sightings.map((s) => [s.line, s.commit[0], s.pusher])).toEqual([
      [1, 'c', 'octocat'],
      [2, 'c', 'octocat'],
    ])
  })

  it('adds only new sightings: a repeated push changes nothing', () => {
    expect(addSightings(incident, group!.sightings).added).toEqual([])
    const later = { ...group!.sightings[0]!, repository: 'acme/other' }
    expect(addSightings(incident, [later]).added).toEqual([later])
  })

  it('renders an issue with permalinks, the pusher and the remediation, never the token', () => {
    const body = renderIncidentBody(incident, { webBaseUrl: 'https://github.com', mention: '@acme/security', issueRepository: 'acme/app', watchedSecrets: ['LOCALSTACK_AUTH_TOKEN'] })
    expect(body).toContain(`https://github.com/acme/app/blob/${'c'.repeat(40)}/a.env#L2`)
    expect(body).toContain('octocat')
    expect(body).toContain('cc @acme/security')
    expect(body).toMatch(/Rotate it now/)
    expect(body + renderIncidentTitle(incident)).not.toContain(token)
    expect(body).not.toContain(token.slice(9))
  })

  it('batches check-run annotations at 50 per request and caps them at 100', () => {
    const many = Array.from({ length: 120 }, (_, i) => ({ ...findings[0]!, line: i + 1 }))
    const rendered = renderLeakCheckRun(many, new Map(), { isPublic: false })
    expect(rendered.batches.map((b) => b.length)).toEqual([ANNOTATIONS_PER_REQUEST, ANNOTATIONS_PER_REQUEST])
    expect(rendered.summary).toContain('20 more places are not annotated')
    expect(JSON.stringify(rendered)).not.toContain(token)
  })

  it('follows the lifecycle and ignores events that do not apply', () => {
    expect(transition('detected', 'alert-sent')).toEqual({ kind: 'moved', to: 'alerted' })
    expect(transition('alerted', 'rotation-confirmed')).toEqual({ kind: 'moved', to: 'rotated' })
    expect(transition('alerted', 'alert-sent')).toEqual({ kind: 'unchanged' })
    expect(transition('resolved', 'alert-sent')).toEqual({ kind: 'illegal' })
  })

  it('renders one migration item per place with the exact change', () => {
    const items = toMigrationItems(scanText('env:\n  LOCALSTACK_API_KEY: ${{ secrets.LOCALSTACK_API_KEY }}\n', { file: '.github/workflows/ci.yml' }))
    expect(items).toHaveLength(1)
    const body = renderMigrationBody(items, { hasLegacySecret: true })
    expect(body).toContain('`.github/workflows/ci.yml` line 2')
    expect(body).toContain('LOCALSTACK_AUTH_TOKEN')
    expect(body).toContain('Delete the repository secret `LOCALSTACK_API_KEY`')
  })
})

describe('which migration artefacts to write', () => {
  const items = [{ path: 'ci.yml', line: 1, reference: '${{ secrets.LOCALSTACK_API_KEY }}' }]
  it.each([
    ['off', { items, isSweep: true, hasLegacySecret: true }, { pullRequest: false, issue: false }],
    ['issue', { items, isSweep: false }, { pullRequest: false, issue: true }],
    ['issue', { items: [], isSweep: false }, { pullRequest: false, issue: false }],
    ['issue', { items: [], isSweep: true }, { pullRequest: false, issue: true }],
    ['pull-request', { items, isSweep: false }, { pullRequest: true, issue: false }],
    ['pull-request', { items, isSweep: true, hasLegacySecret: true }, { pullRequest: true, issue: true }],
    ['pull-request', { items: [], isSweep: true, hasLegacySecret: false }, { pullRequest: false, issue: false }],
  ] as const)('%s with %j writes %j', (mode, found, expected) => {
    expect(planMigration(mode, found)).toEqual(expected)
  })
})
