import { describe, expect, it } from '@jest/globals'
import { awsEnvironment } from '../../../src/emulator/aws-environment.js'

describe('awsEnvironment', () => {
  it('exports the endpoint on localhost.localstack.cloud, dummy credentials and a region on a stock runner', () => {
    expect(Object.fromEntries(awsEnvironment(4566, {}))).toEqual({
      AWS_ENDPOINT_URL: 'http://localhost.localstack.cloud:4566',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_REGION: 'us-east-1',
    })
  })

  it('never overrides credentials or a region the job has', () => {
    for (const source of ['AWS_ACCESS_KEY_ID', 'AWS_PROFILE', 'AWS_WEB_IDENTITY_TOKEN_FILE']) {
      expect(awsEnvironment(4566, { [source]: 'x' }).map(([name]) => name)).not.toContain('AWS_ACCESS_KEY_ID')
    }
    expect(Object.fromEntries(awsEnvironment(14566, { AWS_REGION: 'eu-west-1' }))).toMatchObject({ AWS_ENDPOINT_URL: 'http://localhost.localstack.cloud:14566', AWS_DEFAULT_REGION: 'eu-west-1' })
    expect(awsEnvironment(4566, { AWS_REGION: 'eu-west-1' }).map(([name]) => name)).not.toContain('AWS_REGION')
    expect(Object.fromEntries(awsEnvironment(4566, { AWS_DEFAULT_REGION: 'ap-south-1' })).AWS_REGION).toBe('ap-south-1')
  })
})
