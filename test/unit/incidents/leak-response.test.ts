import { runIncidentCommand, parseCommand, fingerprintOfIssue } from '../../../src/incidents/incident-commands.js'
import { announceNewLeaks, recordSightings } from '../../../src/incidents/record-sightings.js'
import { completeRotation, requestRotation } from '../../../src/incidents/rotate-incident.js'
import { confirmRevokedAlert, verifyRotationBySecrets } from '../../../src/incidents/verify-rotation.js'
import { escapeMarkdown } from '../../../src/incidents/markdown.js'
import { generateToken } from '../../support/generate-token.js'
import { lifecycleWorld } from './lifecycle-harness.js'

describe('never a live token location in public', () => {
  it('opens the incident of a public repository in the private security repository, and links nothing from the public check run', async () => {
    const world = lifecycleWorld({ settings: { securityRepository: 'acme/security' } })
    const token = world.token()
    const outcomes = await recordSightings(world.origin('acme/site', true), [world.group(token, { repository: 'acme/site', isPublic: true })], world.deps)
    expect(world.github.issuesIn('acme/site')).toEqual([])
    expect(world.github.issuesIn('acme/security')).toHaveLength(1)
    expect(world.github.issue('acme/security', 1).body).toContain('**Severity: critical**. Exposure: public repository, default branch.')
    expect(outcomes.get(world.key(token).fingerprint)).toEqual({ state: 'alerted' })
  })

  it('opens no issue for a public repository without a private security repository, and says why', async () => {
    const world = lifecycleWorld()
    const token = world.token()
    const outcomes = await recordSightings(world.origin('acme/site', true), [world.group(token, { repository: 'acme/site', isPublic: true })], world.deps)
    expect(world.github.issues).toEqual([])
    expect(outcomes.get(world.key(token).fingerprint)?.untrackedReason).toMatch(/no private `alerts.repository` is configured/)
    expect(world.notices[0]?.detail).toMatch(/^No incident issue: the repository is public/)
  })

  it('opens the issue of an untracked incident once the token is seen in a private repository', async () => {
    const world = lifecycleWorld()
    const token = world.token()
    await recordSightings(world.origin('acme/site', true), [world.group(token, { repository: 'acme/site', isPublic: true })], world.deps)
    expect(world.github.issues).toEqual([])
    const outcomes = await recordSightings(world.origin(), [world.group(token, { path: 'ci/.env' })], world.deps)
    expect(world.github.issuesIn('acme/app')).toHaveLength(1)
    expect(outcomes.get(world.key(token).fingerprint)).toEqual({ state: 'alerted', link: 'https://github.example/acme/app/issues/1' })
    const stored = await world.store.findIncident(7, world.key(token).fingerprint)
    expect(stored?.untrackedReason).toBeUndefined()
    expect(stored?.sightings.map((s) => s.repository)).toEqual(['acme/site', 'acme/app'])
    expect(world.notices.map((n) => n.event)).toEqual(['opened'])
  })

  it('refuses a configured security repository that is itself public', async () => {
    const world = lifecycleWorld({ settings: { securityRepository: 'acme/site' } })
    const token = world.token()
    const outcomes = await recordSightings(world.origin('acme/site', true), [world.group(token, { repository: 'acme/site', isPublic: true })], world.deps)
    expect(world.github.issues).toEqual([])
    expect(outcomes.get(world.key(token).fingerprint)?.untrackedReason).toMatch(/acme\/site is public/)
  })

  it("never lists one private repository's locations in another's issue; the security repository sees all", async () => {
    const world = lifecycleWorld()
    const token = world.token()
    await recordSightings(world.origin(), [world.group(token)], world.deps)
    await recordSightings(world.origin('acme/billing'), [world.group(token, { repository: 'acme/billing', path: 'secret-plans/prod.env' })], world.deps)
    const issue = world.github.issue('acme/app', 1)
    expect(issue.body + issue.comments.join('\n')).not.toContain('secret-plans')
    expect(issue.body).toContain('Seen in 1 more place in repositories whose readers may differ')

    const secure = lifecycleWorld({ settings: { securityRepository: 'acme/security', isSecurityRepositoryAlways: true } })
    await recordSightings(secure.origin(), [secure.group(token)], secure.deps)
    await recordSightings(secure.origin('acme/billing'), [secure.group(token, { repository: 'acme/billing', path: 'secret-plans/prod.env' })], secure.deps)
    expect(secure.github.issue('acme/security', 1).body).toContain('secret\\-plans')
  })
})

describe('pushed text is data, not Markdown', () => {
  it('escapes a file name that tries to plant a heading, a link and a mention', async () => {
    const world = lifecycleWorld()
    const token = world.token()
    const path = 'a\n# URGENT: verify the token at [here](https://evil.example) @admin.env'
    await recordSightings(world.origin(), [world.group(token, { path })], world.deps)
    const body = world.github.issue('acme/app', 1).body
    expect(body).not.toMatch(/^# URGENT/m)
    expect(body).not.toContain('[here](https://evil.example)')
    expect(body).not.toContain('@admin')
    expect(body).toContain('a\\u000a\\# URGENT')
    expect(escapeMarkdown('`x` <img src=x> *b*')).toBe('\\`x\\` \\<img src\\=x\\> \\*b\\*')
  })
})

describe('many tokens in one push', () => {
  it('opens one summary incident past the threshold, and each token still has its record', async () => {
    const world = lifecycleWorld()
    const groups = Array.from({ length: 12 }, () => world.group(world.token()))
    const outcomes = await recordSightings(world.origin(), groups, { ...world.deps, alerts: { ...world.settings, maxIssuesPerPush: 10 } })
    expect(world.github.issues).toHaveLength(1)
    expect(world.github.issues[0]?.title).toBe('12 LocalStack credentials leaked in one push to acme/app')
    expect([...outcomes.values()].every((o) => o.link === 'https://github.example/acme/app/issues/1')).toBe(true)
    expect((await world.store.findIncident(7, groups[3]!.fingerprint))?.issue).toEqual({ repository: 'acme/app', number: 1, isSummary: true })
    expect(world.github.writes).toEqual(['open acme/app#1'])
  })

  it('keeps one issue per token up to the threshold', async () => {
    const world = lifecycleWorld()
    await recordSightings(world.origin(), Array.from({ length: 3 }, () => world.group(world.token())), { ...world.deps, alerts: { ...world.settings, maxIssuesPerPush: 3 } })
    expect(world.github.issues).toHaveLength(3)
  })
})

describe('commands in incident comments', () => {
  const setup = async (options: Parameters<typeof lifecycleWorld>[0] = {}) => {
    const world = lifecycleWorld(options)
    const token = world.token()
    await recordSightings(world.origin(), [world.group(token)], world.deps)
    const context = { installationId: 7, fingerprint: world.key(token).fingerprint, repository: 'acme/app', issueNumber: 1, login: 'mallory' }
    return { world, token, context }
  }

  it('parses the command line and the issue marker', () => {
    expect(parseCommand('Thanks!\n/localstack-guard false-positive')).toBe('false-positive')
    expect(parseCommand('/localstack-guard nuke')).toBe('unknown')
    expect(parseCommand('no command')).toBeUndefined()
    expect(fingerprintOfIssue(`<!-- localstack-guard:incident sha256:${'ab'.repeat(32)} -->`)).toBe(`sha256:${'ab'.repeat(32)}`)
  })

  it('refuses a user without admin or maintain rights, and says why', async () => {
    const { world, context } = await setup()
    world.github.grant('acme/app', 'mallory', 'write')
    await runIncidentCommand('false-positive', context, world.deps)
    expect((await world.store.findIncident(7, context.fingerprint))?.state).toBe('alerted')
    expect(world.github.issue('acme/app', 1).comments.at(-1)).toBe('@mallory `false-positive` was not run: it needs admin or maintain rights on acme/app, and you have write rights.')
  })

  it('runs a maintainer’s false-positive and a team member’s resolve', async () => {
    const { world, context } = await setup({ settings: { team: 'acme/security' } })
    world.github.grant('acme/app', 'maria', 'maintain').addTeamMember('acme/security', 'sam')
    await runIncidentCommand('resolve', { ...context, login: 'sam' }, world.deps)
    expect((await world.store.findIncident(7, context.fingerprint))?.state).toBe('resolved')
    await runIncidentCommand('false-positive', { ...context, login: 'maria' }, world.deps)
    expect(world.github.issue('acme/app', 1).comments.at(-1)).toMatch(/^@maria Incident sha256:\w+ cannot take "dismissed": it is resolved/)
  })
})

describe('rotation', () => {
  const opened = async (options: Parameters<typeof lifecycleWorld>[0] = {}) => {
    const world = lifecycleWorld(options)
    const token = world.token()
    await recordSightings(world.origin(), [world.group(token)], world.deps)
    return { world, token, key: world.key(token) }
  }

  it('manual: says what to do, then confirms when a watched secret changes after the leak', async () => {
    const { world, key } = await opened({ rotation: { provider: 'manual' } })
    await requestRotation(key, '@octocat', world.deps)
    expect(world.github.issue('acme/app', 1).comments.at(-1)).toMatch(/Manual rotation: reset the token on LocalStack's Auth Tokens page/)
    expect(await verifyRotationBySecrets(key, world.rotation.targets, world.deps)).toBe(false)
    world.advance(1000)
    await world.secrets.write(world.rotation.targets[0]!, 'whatever')
    expect(await verifyRotationBySecrets(key, world.rotation.targets, world.deps)).toBe(true)
    expect((await world.store.findIncident(7, key.fingerprint))?.state).toBe('rotated')
    expect(world.requests).toEqual([])
  })

  it('confirms a rotation when GitHub resolves its secret-scanning alert as revoked', async () => {
    const { world, key } = await opened()
    expect(await confirmRevokedAlert(key, '@octocat', world.deps)).toBe(true)
    expect((await world.store.findIncident(7, key.fingerprint))?.state).toBe('rotated')
  })

  it('webhook: a new token in the answer is written to every target, and the incident is rotated', async () => {
    const { world, key } = await opened({ rotation: { targets: [{ scope: 'repository', repository: 'acme/app', name: 'LOCALSTACK_AUTH_TOKEN' }, { scope: 'organization', organization: 'acme', name: 'LOCALSTACK_AUTH_TOKEN' }] } })
    const fresh = generateToken('lsci-')
    world.answers.push({ kind: 'rotated', newToken: fresh })
    await requestRotation(key, '@octocat', world.deps)
    expect([...world.secrets.values.values()]).toEqual([fresh, fresh])
    const incident = await world.store.findIncident(7, key.fingerprint)
    expect(incident?.state).toBe('rotated')
    expect(world.requests[0]).toMatchObject({ fingerprint: key.fingerprint, kind: 'ci-token', repository: 'acme/app' })
    expect(world.requests[0]?.token).toBeUndefined()
    expect(world.store.dump() + JSON.stringify(world.github.issues) + JSON.stringify(world.notices)).not.toContain(fresh)
  })

  it('webhook: never asks twice for one fingerprint', async () => {
    const { world, key } = await opened()
    world.answers.push({ kind: 'accepted' })
    expect(await requestRotation(key, '@a', world.deps)).toBe('requested')
    expect(await requestRotation(key, '@b', world.deps)).toBe('already-requested')
    expect(world.requests).toHaveLength(1)
    expect(world.github.issue('acme/app', 1).comments.at(-1)).toMatch(/accepted the request \(202\) and will call back/)
  })

  it.each([
    ['a developer token', () => generateToken('ls-'), /personal Developer Auth Token/],
    ['a malformed token', () => `${generateToken('lsci-').slice(0, -4)}0000`, /not a well-formed CI Auth Token/],
  ])('refuses %s from the service and writes nothing', async (_name, make, why) => {
    const { world, key } = await opened()
    world.answers.push({ kind: 'rotated', newToken: make() })
    await requestRotation(key, '@octocat', world.deps)
    expect(world.secrets.values.size).toBe(0)
    expect(world.github.issue('acme/app', 1).comments.at(-1)).toMatch(why)
    expect(world.notices.at(-1)?.event).toBe('failed')
  })

  it('refuses the leaked token itself as the new one', async () => {
    const { world, key, token } = await opened()
    expect(await completeRotation(key, { newToken: token, via: 'callback' }, world.deps)).toBe('refused')
    expect(world.secrets.values.size).toBe(0)
  })

  it('dry-run: asks with the token withheld, writes nothing, says what would have been written', async () => {
    const { world, key } = await opened({ rotation: { isDryRun: true, sendsToken: true } })
    world.answers.push({ kind: 'rotated', newToken: generateToken('lsci-') })
    await requestRotation(key, '@octocat', world.deps)
    expect(world.secrets.values.size).toBe(0)
    expect(world.requests[0]?.token).toBeUndefined()
    expect(world.github.issue('acme/app', 1).comments.at(-1)).toContain('acme/app: LOCALSTACK_AUTH_TOKEN: would be written (dry run: nothing was written)')
    expect((await world.store.findIncident(7, key.fingerprint))?.state).toBe('rotation-requested')
  })

  it('reports a failure per target and still writes the others', async () => {
    const { world, key } = await opened({ rotation: { targets: [{ scope: 'organization', organization: 'acme', name: 'LOCALSTACK_AUTH_TOKEN' }, { scope: 'environment', repository: 'acme/app', environment: 'prod', name: 'LOCALSTACK_AUTH_TOKEN' }] } })
    world.secrets.failing.add('org:acme:LOCALSTACK_AUTH_TOKEN')
    world.answers.push({ kind: 'rotated', newToken: generateToken('lsci-') })
    await requestRotation(key, '@octocat', world.deps)
    const comments = world.github.issue('acme/app', 1).comments.join('\n')
    expect(comments).toContain('organisation acme: LOCALSTACK_AUTH_TOKEN: FAILED (Writing org:acme:LOCALSTACK_AUTH_TOKEN: GitHub answered 403')
    expect(comments).toContain('acme/app (environment prod): LOCALSTACK_AUTH_TOKEN: written')
    expect((await world.store.findIncident(7, key.fingerprint))?.state).toBe('rotated')
  })
})

describe('the outbound alert under a burst', () => {
  it('announces a new token before any GitHub write, and the lifecycle does not announce it again', async () => {
    const world = lifecycleWorld()
    const token = world.token()
    const announced = await announceNewLeaks(world.origin(), [world.group(token)], world.deps)
    expect(world.notices.map((n) => n.event)).toEqual(['opened'])
    expect(world.github.writes).toEqual([])
    await recordSightings(world.origin(), [world.group(token)], { ...world.deps, announced })
    expect(world.notices.map((n) => n.event)).toEqual(['opened'])
    expect(world.github.issues).toHaveLength(1)
    expect(await announceNewLeaks(world.origin(), [world.group(token)], world.deps)).toEqual(new Set())
  })

  it('announces a flood once, as its summary incident', async () => {
    const world = lifecycleWorld({ settings: { maxIssuesPerPush: 2 } })
    const groups = [world.group(world.token()), world.group(world.token()), world.group(world.token())]
    const announced = await announceNewLeaks(world.origin(), groups, world.deps)
    await recordSightings(world.origin(), groups, { ...world.deps, announced })
    expect(world.notices.map((n) => n.event)).toEqual(['opened'])
    expect(world.notices[0]?.detail).toBe('3 tokens in one push: one summary incident.')
  })

  it('announces a flood in a public repository once even when no issue may be opened', async () => {
    const world = lifecycleWorld({ settings: { maxIssuesPerPush: 2 } })
    const groups = [1, 2, 3].map(() => world.group(world.token(), { repository: 'acme/site', isPublic: true }))
    await recordSightings(world.origin('acme/site', true), groups, world.deps)
    await recordSightings(world.origin('acme/site', true), groups, world.deps)
    expect(world.github.issues).toEqual([])
    expect(world.notices.map((n) => n.event)).toEqual(['opened'])
    expect(world.notices[0]?.detail).toMatch(/^3 tokens in one push; no incident issue: /)
    expect(JSON.stringify(world.notices)).not.toMatch(new RegExp(world.tokens.join('|')))
  })
})
