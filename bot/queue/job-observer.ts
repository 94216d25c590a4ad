/** What a queue reports about each finished attempt (metrics, the dead-letter note). */
export interface JobObserver<TJob> {
  succeeded?(job: TJob): void
  /** The attempt failed and the job runs again later (`isRateLimited`: it did not spend an attempt). */
  retried?(job: TJob, details: { attempts: number; isRateLimited: boolean; error: string }): void
  /** The job failed its last attempt: it stays in the queue as failed and will not run again by itself. */
  deadLettered?(job: TJob, details: { attempts: number; error: string }): void | Promise<void>
}
