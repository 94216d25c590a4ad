/** One annotation of a check run (the REST body's shape, kept as sent). */
export interface AnnotationRecord {
  path: string
  start_line: number
  end_line: number
  annotation_level: string
  message: string
  title?: string
  raw_details?: string
  start_column?: number
  end_column?: number
}

export interface CheckRunRecord {
  id: number
  name: string
  headSha: string
  status: string
  conclusion: string | null
  startedAt: Date
  completedAt: Date | null
  detailsUrl: string | null
  externalId: string | null
  output: { title: string | null; summary: string | null; text: string | null }
  /** Every annotation sent, across the create and all updates (updates append, as on GitHub). */
  annotations: AnnotationRecord[]
  /** How many requests wrote this run (create + updates). */
  writes: number
}

/** The check runs of one repository. */
export class CheckRunStore {
  readonly runs: CheckRunRecord[] = []

  find(id: number): CheckRunRecord | undefined {
    return this.runs.find((run) => run.id === id)
  }

  forCommit(sha: string): CheckRunRecord[] {
    return this.runs.filter((run) => run.headSha === sha)
  }
}
