import { createPacedOctokit } from '../../../bot/github/write-pacing.js'

/**
 * The write budget shared between the repositories of one installation: a flood of writes from one repository (300
 * tokens, 300 issues) must not hold another repository's first write behind the whole flood.
 */
describe('write pacing between repositories', () => {
  it('sends another repository\'s write while a flood from one repository waits for its share', async () => {
    const sent: string[] = []
    const fetch = async (url: string | URL | Request): Promise<Response> => {
      sent.push(String(url).includes('/repos/acme/flood/') ? 'flood' : 'other')
      return new Response('{}', { status: 201, headers: { 'content-type': 'application/json' } })
    }
    const Paced = createPacedOctokit()
    const octokit = new Paced({ auth: { token: 'not-a-real-token' }, request: { fetch } })
    const write = (repo: string) => octokit.request('POST /repos/{owner}/{repo}/issues', { owner: 'acme', repo, title: 'x' })
    // 85 writes: more than the installation's burst of 80. Not awaited: most of them wait for their share to refill.
    for (let i = 0; i < 85; i++) void write('flood').catch(() => undefined)
    await write('other')
    const floodBefore = sent.indexOf('other')
    await Paced.stopPacing()
    // The flood may take half the installation's budget (40) at most: the other repository's write is not queued
    // behind the rest of it, as it was behind all 80 when the installation's bucket was the only one.
    expect(floodBefore).toBeLessThanOrEqual(41)
  })
})
