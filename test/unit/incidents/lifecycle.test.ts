import { IllegalTransitionError } from '../../../src/errors.js'
import { advanceIncident } from '../../../src/incidents/advance-incident.js'
import type { Incident, IncidentState } from '../../../src/incidents/incident.js'
import { applyEvent, transition, type IncidentEvent } from '../../../src/incidents/transition.js'
import { recordSightings } from '../../../src/incidents/record-sightings.js'
import { escalateIfOverdue } from '../../../src/incidents/escalate.js'
import { lifecycleWorld } from './lifecycle-harness.js'

const STATES: IncidentState[] = ['detected', 'alerted', 'rotation-requested', 'rotated', 'resolved', 'dismissed', 'escalated']
const EVENTS: IncidentEvent[] = ['alert-sent', 'rotation-requested', 'rotation-confirmed', 'resolved', 'dismissed', 'escalated']

/** The lifecycle as the product promises it: every edge, and nothing else. */
const LEGAL: Record<IncidentState, Partial<Record<IncidentEvent, IncidentState>>> = {
  detected: { 'alert-sent': 'alerted', 'rotation-confirmed': 'rotated', dismissed: 'dismissed', escalated: 'escalated' },
  alerted: { 'rotation-requested': 'rotation-requested', 'rotation-confirmed': 'rotated', resolved: 'resolved', dismissed: 'dismissed', escalated: 'escalated' },
  'rotation-requested': { 'rotation-confirmed': 'rotated', resolved: 'resolved', dismissed: 'dismissed', escalated: 'escalated' },
  escalated: { 'rotation-requested': 'rotation-requested', 'rotation-confirmed': 'rotated', resolved: 'resolved', dismissed: 'dismissed' },
  rotated: { resolved: 'resolved' },
  resolved: {},
  dismissed: {},
}
const TARGET: Record<IncidentEvent, IncidentState> = { 'alert-sent': 'alerted', 'rotation-requested': 'rotation-requested', 'rotation-confirmed': 'rotated', resolved: 'resolved', dismissed: 'dismissed', escalated: 'escalated' }

function incidentIn(state: IncidentState): Incident {
  return { installationId: 1, fingerprint: `sha256:${'0'.repeat(64)}`, kind: 'ci-token', redacted: 'lsci-abcd****', state, sightings: [], exposure: { isPublic: false, isDefaultBranch: true }, severity: 'high', openedAtMs: 0, audit: [] }
}

describe('the incident lifecycle: transitions', () => {
  const cases = STATES.flatMap((state) => EVENTS.map((event) => [state, event] as const))

  it.each(cases)('from %s, %s goes where the lifecycle says (or is a repeat, or is refused)', (state, event) => {
    const legal = LEGAL[state][event]
    const incident = incidentIn(state)
    const cause = { actor: '@octocat', atMs: 42, note: 'why' }
    if (legal !== undefined) {
      const { incident: moved, isChanged } = applyEvent(incident, event, cause)
      expect(isChanged).toBe(true)
      expect(moved.state).toBe(legal)
      expect(moved.audit).toEqual([{ atMs: 42, actor: '@octocat', event, from: state, to: legal, note: 'why' }])
      // Idempotent: the same event again changes nothing and appends nothing (or is refused where the new state has moved on).
      const again = transition(moved.state, event)
      expect(again.kind === 'unchanged' || again.kind === 'moved' || again.kind === 'illegal').toBe(true)
      if (TARGET[event] === moved.state) expect(applyEvent(moved, event, cause)).toEqual({ incident: moved, isChanged: false })
    } else if (TARGET[event] === state) {
      expect(applyEvent(incident, event, cause)).toEqual({ incident, isChanged: false })
    } else {
      expect(() => applyEvent(incident, event, cause)).toThrow(IllegalTransitionError)
      expect(() => applyEvent(incident, event, cause)).toThrow(new RegExp(`it is ${state}, where the events that apply are`))
    }
  })

  it('keeps resolved and dismissed final', () => {
    for (const state of ['resolved', 'dismissed'] as const) for (const event of EVENTS.filter((e) => TARGET[e] !== state)) expect(transition(state, event).kind).toBe('illegal')
  })
})

describe('the incident lifecycle through the in-memory GitHub port', () => {
  it('opens one issue on the first sighting, with severity, exposure and the checklist, and records the alert', async () => {
    const world = lifecycleWorld()
    const token = world.token()
    const outcomes = await recordSightings(world.origin(), [world.group(token)], world.deps)
    const [issue] = world.github.issuesIn('acme/app')
    expect(issue?.body).toContain('**Severity: high**. Exposure: private repository, default branch.')
    expect(issue?.body).toContain('- [x] Detected')
    expect(issue?.body).toContain('- [x] **Alerted** (current)')
    expect(issue?.body).toContain('- [ ] Rotation requested')
    expect(issue?.body).toContain('https://app.localstack.cloud/settings/auth-tokens')
    expect(outcomes.get(world.key(token).fingerprint)).toEqual({ state: 'alerted', link: 'https://github.example/acme/app/issues/1' })
    const stored = await world.store.findIncident(7, world.key(token).fingerprint)
    expect(stored?.audit.map((e) => [e.from, e.to, e.actor])).toEqual([['detected', 'alerted', 'push']])
    expect(world.notices.map((n) => n.event)).toEqual(['opened'])
    expect(world.store.dump() + JSON.stringify(world.github.issues) + JSON.stringify(world.notices)).not.toContain(token)
  })

  it('sends the opened alert once when the issue creation failed and the job is retried', async () => {
    const world = lifecycleWorld()
    const token = world.token()
    const openIssue = world.github.openIssue.bind(world.github)
    world.github.openIssue = async () => {
      throw new Error('GitHub answered 502')
    }
    await expect(recordSightings(world.origin(), [world.group(token)], world.deps)).rejects.toThrow('GitHub answered 502')
    world.github.openIssue = openIssue
    await recordSightings(world.origin(), [world.group(token)], world.deps)
    expect(world.github.issuesIn('acme/app')).toHaveLength(1)
    expect(world.notices.map((n) => n.event)).toEqual(['opened'])
  })

  it('writes nothing for a sighting already recorded (a redelivery, a repeated push)', async () => {
    const world = lifecycleWorld()
    const token = world.token()
    await recordSightings(world.origin(), [world.group(token)], world.deps)
    const writes = world.github.writes.length
    await recordSightings(world.origin(), [world.group(token)], world.deps)
    expect(world.github.writes.length).toBe(writes)
  })

  it('adds a later location to the same issue with a comment, never a second issue', async () => {
    const world = lifecycleWorld()
    const token = world.token()
    await recordSightings(world.origin(), [world.group(token)], world.deps)
    await recordSightings(world.origin(), [world.group(token, { path: 'deploy/.env', line: 3 })], world.deps)
    expect(world.github.issues).toHaveLength(1)
    expect(world.github.issue('acme/app', 1).body).toContain('deploy\\/\\.env line 3')
    expect(world.github.issue('acme/app', 1).comments.at(-1)).toMatch(/^Seen in 1 more place\. It is still live/)
  })

  it('rewrites the checklist and comments on each transition, and closes the issue once resolved', async () => {
    const world = lifecycleWorld()
    const token = world.token()
    await recordSightings(world.origin(), [world.group(token)], world.deps)
    world.advance(60_000)
    await advanceIncident(world.key(token), { event: 'rotation-confirmed', cause: { actor: '@octocat', atMs: world.now() } }, world.deps)
    await advanceIncident(world.key(token), { event: 'resolved', cause: { actor: '@octocat', atMs: world.now() } }, world.deps)
    const issue = world.github.issue('acme/app', 1)
    expect(issue.body).toContain('- [x] **Resolved** (current)')
    expect(issue.body).toContain('- [ ] Rotation requested')
    expect(issue.body).toMatch(/\| @octocat \| Rotated → Resolved \|/)
    expect(issue.state).toBe('closed')
    expect(issue.comments).toEqual(['**Alerted → Rotated: a new token is in place**, by @octocat.', '**Rotated → Resolved**, by @octocat.'])
    expect(world.notices.map((n) => n.event)).toEqual(['opened', 'rotated', 'resolved'])
  })

  it('persists every transition: a repeat writes nothing, an illegal one throws and leaves the record as it was', async () => {
    const world = lifecycleWorld()
    const token = world.token()
    await recordSightings(world.origin(), [world.group(token)], world.deps)
    await advanceIncident(world.key(token), { event: 'dismissed', cause: { actor: '@octocat', atMs: 1 } }, world.deps)
    const before = world.store.dump()
    const writes = world.github.writes.length
    expect((await advanceIncident(world.key(token), { event: 'dismissed', cause: { actor: '@octocat', atMs: 2 } }, world.deps)).isChanged).toBe(false)
    await expect(advanceIncident(world.key(token), { event: 'rotation-confirmed', cause: { actor: 'x', atMs: 3 } }, world.deps)).rejects.toThrow(IllegalTransitionError)
    expect(world.store.dump()).toBe(before)
    expect(world.github.writes.length).toBe(writes)
  })

  it('records a sighting of a token already rotated on its incident, without a new alarm', async () => {
    const world = lifecycleWorld()
    const token = world.token()
    await recordSightings(world.origin(), [world.group(token)], world.deps)
    await advanceIncident(world.key(token), { event: 'rotation-confirmed', cause: { actor: 'x', atMs: 1 } }, world.deps)
    const notices = world.notices.length
    const outcomes = await recordSightings(world.origin(), [world.group(token, { path: 'later.env' })], world.deps)
    expect(outcomes.get(world.key(token).fingerprint)?.state).toBe('rotated')
    expect(world.github.issues).toHaveLength(1)
    expect(world.github.issue('acme/app', 1).comments.at(-1)).toMatch(/already rotated, so it is dead: recorded here, no new alarm/)
    expect(world.notices.length).toBe(notices)
  })

  it('ignores a dismissed fingerprint from then on', async () => {
    const world = lifecycleWorld()
    const token = world.token()
    await recordSightings(world.origin(), [world.group(token)], world.deps)
    await advanceIncident(world.key(token), { event: 'dismissed', cause: { actor: '@octocat', atMs: 1 } }, world.deps)
    const writes = world.github.writes.length
    const outcomes = await recordSightings(world.origin(), [world.group(token, { path: 'other.env' })], world.deps)
    expect(outcomes.get(world.key(token).fingerprint)).toEqual({ state: 'dismissed' })
    expect(world.github.writes.length).toBe(writes)
  })

  it('escalates an incident nobody acted on in time, once', async () => {
    const world = lifecycleWorld()
    const token = world.token()
    await recordSightings(world.origin(), [world.group(token)], world.deps)
    expect(await escalateIfOverdue(world.key(token), 3_600_000, world.deps)).toBe(false)
    world.advance(3_600_001)
    expect(await escalateIfOverdue(world.key(token), 3_600_000, world.deps)).toBe(true)
    expect(await escalateIfOverdue(world.key(token), 3_600_000, world.deps)).toBe(false)
    expect(world.github.issue('acme/app', 1).body).toContain('- [x] **Escalated: nothing happened in time** (current)')
    expect(world.notices.map((n) => n.event)).toEqual(['opened', 'escalated'])
  })
})
