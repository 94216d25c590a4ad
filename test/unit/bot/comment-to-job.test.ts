import { commentToJob } from '../../../bot/handlers/to-jobs.js'

const REPO = { id: 1, owner: 'acme', name: 'app', defaultBranch: 'main' }
const FINGERPRINT = `sha256:${'a'.repeat(64)}`
const person = (body: string) => ({ body, user: { login: 'alice', type: 'User' } })

describe('a comment on an incident issue', () => {
  it('becomes a command on the incident its issue carries', () => {
    const issue = { number: 3, body: `<!-- localstack-guard:incident ${FINGERPRINT} -->\nA token leaked.` }
    expect(commentToJob(7, { issue, comment: person('/localstack-guard resolve'), repository: REPO })).toEqual({
      type: 'incident-command', installationId: 7, repo: REPO, issueNumber: 3, login: 'alice', command: 'resolve', fingerprint: FINGERPRINT,
    })
  })

  it('on a summary issue, names its token by fingerprint, or asks for one', () => {
    const issue = { number: 4, body: '<!-- localstack-guard:summary-incident -->\n12 tokens.' }
    expect(commentToJob(7, { issue, comment: person(`/localstack-guard false-positive ${FINGERPRINT}`), repository: REPO })).toMatchObject({ command: 'false-positive', fingerprint: FINGERPRINT, isSummary: true })
    expect(commentToJob(7, { issue, comment: person('/localstack-guard resolve'), repository: REPO })).toMatchObject({ command: 'resolve', fingerprint: '', isSummary: true })
    expect(commentToJob(7, { issue, comment: person('/localstack-guard resolve sha256:nothex'), repository: REPO })).toMatchObject({ fingerprint: '', isSummary: true })
  })

  it('is ignored on other issues, from bots, and without a command', () => {
    const incident = { number: 3, body: `<!-- localstack-guard:incident ${FINGERPRINT} -->` }
    expect(commentToJob(7, { issue: { number: 9, body: 'a bug report' }, comment: person('/localstack-guard resolve'), repository: REPO })).toBeUndefined()
    expect(commentToJob(7, { issue: incident, comment: { body: '/localstack-guard resolve', user: { login: 'ci[bot]', type: 'Bot' } }, repository: REPO })).toBeUndefined()
    expect(commentToJob(7, { issue: incident, comment: person('thanks, rotating now'), repository: REPO })).toBeUndefined()
  })
})
