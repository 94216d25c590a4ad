import { createHash, createHmac } from 'node:crypto'
import { request } from 'node:http'

/**
 * What `aws s3 mb s3://<bucket>` sends, signed with AWS Signature Version 4 from the credentials and region the
 * Action exported (docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html), so the e2e tests and the
 * README check can make the quick start's AWS call without the AWS CLI. `localhost.localstack.cloud` is resolved to
 * 127.0.0.1, as public DNS does, so the check does not need the internet.
 */
export async function createBucket(bucket: string, env: Readonly<Record<string, string | undefined>>): Promise<{ status: number; body: string }> {
  const endpoint = new URL(env.AWS_ENDPOINT_URL ?? 'http://localhost.localstack.cloud:4566')
  const accessKey = env.AWS_ACCESS_KEY_ID
  const secretKey = env.AWS_SECRET_ACCESS_KEY
  const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION
  if (accessKey === undefined || secretKey === undefined || region === undefined) {
    throw new Error('Unable to locate credentials or region: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_REGION must be set (as the AWS CLI requires).')
  }
  const amzDate = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
  const day = amzDate.slice(0, 8)
  const payloadHash = createHash('sha256').update('').digest('hex')
  const host = endpoint.host
  const path = `/${bucket}`
  const signedHeaders = 'host;x-amz-content-sha256;x-amz-date'
  const canonical = ['PUT', path, '', `host:${host}`, `x-amz-content-sha256:${payloadHash}`, `x-amz-date:${amzDate}`, '', signedHeaders, payloadHash].join('\n')
  const scope = `${day}/${region}/s3/aws4_request`
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonical).digest('hex')].join('\n')
  const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data).digest()
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${secretKey}`, day), region), 's3'), 'aws4_request')
  const signature = createHmac('sha256', signingKey).update(toSign).digest('hex')
  const authorization = `AWS4-HMAC-SHA256 Credential=${accessKey}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: endpoint.hostname,
        port: endpoint.port,
        path,
        method: 'PUT',
        headers: { host, 'x-amz-date': amzDate, 'x-amz-content-sha256': payloadHash, authorization },
        lookup: (hostname, options, callback) => {
          if (hostname !== 'localhost.localstack.cloud') return reject(new Error(`unexpected host ${hostname}`))
          if ((options as { all?: boolean }).all === true) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: '127.0.0.1', family: 4 }])
          else callback(null, '127.0.0.1', 4)
        },
        timeout: 5_000,
      },
      (response) => {
        let body = ''
        response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
      },
    )
    req.on('timeout', () => req.destroy(new Error('no answer within 5 s')))
    req.on('error', reject)
    req.end()
  })
}
