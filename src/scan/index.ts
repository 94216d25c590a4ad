export { sniffEncoding, SNIFF_BYTES, type TextEncodingName } from './decode-bytes.js'
export { createDiffScanner, scanPatch, type BinaryFileDiff, type DiffScanOptions } from './diff-scanner.js'
export type { Finding, FindingCategory, FindingKind, FindingSink, ScanOptions, SourceRef, StreamScanner } from './finding.js'
export {
  applyGuardConfig,
  configuredScan,
  createPathFilter,
  DEFAULT_GUARD_CONFIG,
  GUARD_CONFIG_PATH,
  parseGuardConfig,
  validateGuardConfig,
  type ConfiguredScan,
  type GuardConfig,
} from './guard-config.js'
export { ALLOW_MARKER, createTextScanner, DETECTORS, scanText } from './text-scanner.js'
