/**
 * The exact change of a migration: the legacy variable's name becomes the current one, everywhere in a file, and
 * nothing else moves. `LOCALSTACK_AUTH_TOKEN` is what the emulator reads first (docs/facts.md §2.9); the value must then
 * be a CI Auth Token, which the pull request body says.
 */
export function renameLegacyVariable(text: string): { text: string; replacements: number } {
  let replacements = 0
  const renamed = text.replace(/\bLOCALSTACK_API_KEY\b/g, () => {
    replacements++
    return 'LOCALSTACK_AUTH_TOKEN'
  })
  return { text: renamed, replacements }
}
