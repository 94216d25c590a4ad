/**
 * The CLI's version, kept equal to package.json's by a unit test: importing package.json would put the manifest into
 * the bundle's module graph and tie `dist/` to fields that have nothing to do with the CLI.
 */
export const CLI_VERSION = '0.1.0'

/** Where a SARIF viewer links the tool: LocalStack's own page on Auth Tokens, their kinds and rotation. */
export const CLI_INFORMATION_URI = 'https://docs.localstack.cloud/aws/getting-started/auth-token/'
