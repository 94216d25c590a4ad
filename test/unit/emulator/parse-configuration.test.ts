import { describe, expect, it } from '@jest/globals'
import { InvalidInputError } from '../../../src/errors.js'
import { keysWithShellSubstitution, parseConfiguration } from '../../../src/emulator/parse-configuration.js'
import { generateToken } from '../../support/generate-token.js'

describe('parseConfiguration', () => {
  it('reads space-separated pairs, as the incumbent action accepted them', () => {
    expect(parseConfiguration('DEBUG=1 SERVICES=s3,sqs')).toEqual([
      { key: 'DEBUG', value: '1' },
      { key: 'SERVICES', value: 's3,sqs' },
    ])
  })

  it('reads one pair per line and skips blank and comment lines', () => {
    expect(parseConfiguration('DEBUG=1\n\n# a comment\r\nPERSISTENCE=0\n')).toEqual([
      { key: 'DEBUG', value: '1' },
      { key: 'PERSISTENCE', value: '0' },
    ])
  })

  it('passes shell metacharacters through verbatim, never expanding or executing them', () => {
    const text = 'A=$(touch${IFS}/tmp/pwned) B=x;y C=`id` D=$HOME E=a|b&&c>d'
    expect(parseConfiguration(text).map((pair) => pair.value)).toEqual(['$(touch${IFS}/tmp/pwned)', 'x;y', '`id`', '$HOME', 'a|b&&c>d'])
  })

  it('removes quotes the way a shell would, keeping what they enclose literally', () => {
    expect(parseConfiguration(`A="hello world" B='$(x) "q"' C="say \\"hi\\"" D=a\\ b E=`)).toEqual([
      { key: 'A', value: 'hello world' },
      { key: 'B', value: '$(x) "q"' },
      { key: 'C', value: 'say "hi"' },
      { key: 'D', value: 'a b' },
      { key: 'E', value: '' },
    ])
  })

  it('keeps everything after the first equals sign', () => {
    expect(parseConfiguration('URL=http://x/?a=b')).toEqual([{ key: 'URL', value: 'http://x/?a=b' }])
  })

  it('rejects a word that is not a KEY=VALUE pair, naming the line', () => {
    expect(() => parseConfiguration('DEBUG=1\nlocalstack start')).toThrow(InvalidInputError)
    expect(() => parseConfiguration('DEBUG=1\nlocalstack start')).toThrow(/line 2 has "localstack"/)
  })

  it('rejects an unterminated quote', () => {
    expect(() => parseConfiguration('A="open')).toThrow(/unterminated " quote/)
  })

  it('returns no pairs for an empty input', () => {
    expect(parseConfiguration('')).toEqual([])
  })

  it('never quotes a token pasted into configuration without a key', () => {
    const token = generateToken('lsci-')
    const error = (() => {
      try {
        parseConfiguration(`DEBUG=1 ${token}`)
      } catch (e: unknown) {
        return e as Error
      }
      throw new Error('expected a throw')
    })()
    expect(error.message).toMatch(/has "lsci-.{4}\*\*\*\*/)
    expect(error.message).not.toContain(token.slice(9))
  })

  describe('shell substitutions, split as a shell would and kept verbatim', () => {
    it('keeps the spaces inside $(…), nested $(…), backticks and ${…} in one word', () => {
      expect(parseConfiguration('X=$(cmd arg) Y=`date +%s` Z=${HOME:-a b} N=$(a $(b c) "d e") DEBUG=1')).toEqual([
        { key: 'X', value: '$(cmd arg)' },
        { key: 'Y', value: '`date +%s`' },
        { key: 'Z', value: '${HOME:-a b}' },
        { key: 'N', value: '$(a $(b c) "d e")' },
        { key: 'DEBUG', value: '1' },
      ])
    })

    it('keeps a substitution inside double quotes whole, with its own quotes', () => {
      expect(parseConfiguration('X="pre $(echo "a b") post"')).toEqual([{ key: 'X', value: 'pre $(echo "a b") post' }])
    })

    it('refuses an unterminated substitution, naming it', () => {
      expect(() => parseConfiguration('X=$(cmd arg')).toThrow(/line 1 has an unterminated \$\(\. Close it/)
      expect(() => parseConfiguration('X=`cmd')).toThrow(/unterminated `/)
    })

    it('names the keys whose values a shell would have substituted', () => {
      expect(keysWithShellSubstitution(parseConfiguration("A=$(x) B=`y` C=${z} D=$HOME E=plain F='$literal' A=$(again)"))).toEqual(['A', 'B', 'C', 'D', 'F'])
    })
  })

  it('accepts keys named like Object.prototype members as plain names', () => {
    expect(parseConfiguration('toString=1 constructor=2 __proto__=3')).toEqual([
      { key: 'toString', value: '1' },
      { key: 'constructor', value: '2' },
      { key: '__proto__', value: '3' },
    ])
  })
})
