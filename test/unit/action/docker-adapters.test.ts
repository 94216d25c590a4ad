import { describe, expect, it } from '@jest/globals'
import { dockerMessage } from '../../../action/docker/docker-api.js'
import { parseDockerHost } from '../../../action/docker/docker-endpoint.js'
import { decodeLogLines } from '../../../action/docker/log-frames.js'
import { parsePullEvents, toMilestone } from '../../../action/docker/pull-progress.js'

function frame(stream: 1 | 2, text: string): Buffer {
  const payload = Buffer.from(text, 'utf8')
  const header = Buffer.alloc(8)
  header[0] = stream
  header.writeUInt32BE(payload.length, 4)
  return Buffer.concat([header, payload])
}

describe('parseDockerHost', () => {
  it('defaults to the local socket', () => {
    expect(parseDockerHost(undefined)).toEqual({ kind: 'unix', socketPath: '/var/run/docker.sock', display: 'unix:///var/run/docker.sock' })
  })

  it('honours unix:// and tcp:// values', () => {
    expect(parseDockerHost('unix:///run/user/1000/docker.sock')).toMatchObject({ kind: 'unix', socketPath: '/run/user/1000/docker.sock' })
    expect(parseDockerHost('tcp://127.0.0.1:2375')).toMatchObject({ kind: 'tcp', origin: 'http://127.0.0.1:2375' })
  })

  it('refuses TLS and unknown schemes with the fix', () => {
    expect(() => parseDockerHost('tcp://h:2376', true)).toThrow(/with DOCKER_TLS_VERIFY.*unset DOCKER_HOST/)
    expect(() => parseDockerHost('ssh://me@host')).toThrow(/DOCKER_HOST is not supported: "ssh:\/\/me@host"/)
  })
})

describe('decodeLogLines', () => {
  it('demultiplexes stdout and stderr frames, keeping their order', () => {
    const body = Buffer.concat([frame(1, 'one\ntw'), frame(2, 'o\n'), frame(1, 'Ready.\n')])
    expect(decodeLogLines(body)).toEqual(['one', 'two', 'Ready.'])
  })

  it('reads a TTY log as plain text', () => {
    expect(decodeLogLines(Buffer.from('a\r\nb\n'))).toEqual(['a', 'b'])
  })

  it('returns no lines for an empty log', () => {
    expect(decodeLogLines(Buffer.alloc(0))).toEqual([])
  })
})

describe('pull progress', () => {
  it('keeps layer milestones and summaries, drops byte-by-byte progress', () => {
    const stream = [
      '{"status":"Pulling from localstack/localstack-pro","id":"latest"}',
      '{"status":"Pulling fs layer","id":"a1"}',
      '{"status":"Downloading","progressDetail":{"current":1,"total":9},"id":"a1"}',
      '{"status":"Download complete","id":"a1"}',
      '{"status":"Extracting","id":"a1"}',
      '{"status":"Pull complete","id":"a1"}',
      '{"status":"Digest: sha256:abc"}',
      'not json',
      '{"status":"Status: Downloaded newer image for localstack/localstack-pro:latest"}',
    ].join('\n')
    const milestones = parsePullEvents(stream).map(toMilestone).filter((m) => m !== undefined)
    expect(milestones).toEqual([
      { layer: 'a1', status: 'Download complete' },
      { layer: 'a1', status: 'Pull complete' },
      { layer: undefined, status: 'Digest: sha256:abc' },
      { layer: undefined, status: 'Status: Downloaded newer image for localstack/localstack-pro:latest' },
    ])
  })
})

describe('dockerMessage', () => {
  it('reads Docker error bodies and quotes anything else', () => {
    expect(dockerMessage(Buffer.from('{"message":"No such image: x"}'))).toBe('No such image: x')
    expect(dockerMessage(Buffer.from('plain text'))).toBe('plain text')
  })
})
