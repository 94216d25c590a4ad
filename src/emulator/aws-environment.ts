/** Resolves to 127.0.0.1 in public DNS; makes virtual-host S3 addressing (`bucket.s3.localhost.localstack.cloud`) work. */
export const LOCALSTACK_HOSTNAME = 'localhost.localstack.cloud'
/** The region the AWS CLI and SDKs get when the job names none (they refuse to guess one). */
export const DEFAULT_REGION = 'us-east-1'
/** LocalStack accepts any credentials; `test` is what its docs and the incumbent action use. */
export const DUMMY_CREDENTIAL = 'test'

/** Variables that mean the job already has AWS credentials of its own: the Action then exports none. */
const CREDENTIAL_SOURCES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_WEB_IDENTITY_TOKEN_FILE']

/**
 * What the following steps need for an AWS CLI or SDK call to reach LocalStack, as `[name, value]` pairs to export.
 * The endpoint always; dummy credentials only when the job has no credential source at all (never overriding a real
 * one); `AWS_DEFAULT_REGION` and `AWS_REGION` only where unset, each taking the other's value when that one is set.
 */
export function awsEnvironment(gatewayPort: number, existing: Readonly<Record<string, string | undefined>>): [string, string][] {
  const isSet = (name: string): boolean => (existing[name] ?? '') !== ''
  const variables: [string, string][] = [['AWS_ENDPOINT_URL', `http://${LOCALSTACK_HOSTNAME}:${gatewayPort}`]]
  if (!CREDENTIAL_SOURCES.some(isSet)) variables.push(['AWS_ACCESS_KEY_ID', DUMMY_CREDENTIAL], ['AWS_SECRET_ACCESS_KEY', DUMMY_CREDENTIAL])
  const region = (isSet('AWS_REGION') ? existing.AWS_REGION : existing.AWS_DEFAULT_REGION) || DEFAULT_REGION
  if (!isSet('AWS_DEFAULT_REGION')) variables.push(['AWS_DEFAULT_REGION', region])
  if (!isSet('AWS_REGION')) variables.push(['AWS_REGION', region])
  return variables
}
