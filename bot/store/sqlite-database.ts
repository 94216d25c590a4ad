import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { DatabaseSync } from 'node:sqlite'

/** The embedded default: one SQLite file (`node:sqlite`), so a restart loses nothing and no server is needed. */
export function openDatabase(path: string): DatabaseSync {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const db = new DatabaseSync(path)
  // WAL lets the webhook handler write a delivery while a worker writes a result; a busy wait covers the rest.
  db.exec('PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;')
  db.exec(`
    CREATE TABLE IF NOT EXISTS deliveries (id TEXT PRIMARY KEY, received_at_ms INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS scanned_commits (repository_id INTEGER NOT NULL, sha TEXT NOT NULL, PRIMARY KEY (repository_id, sha));
    CREATE TABLE IF NOT EXISTS incidents (installation_id INTEGER NOT NULL, fingerprint TEXT NOT NULL, data TEXT NOT NULL,
      PRIMARY KEY (installation_id, fingerprint));
    CREATE TABLE IF NOT EXISTS records (namespace TEXT NOT NULL, key TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (namespace, key));
    CREATE TABLE IF NOT EXISTS jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, job_group TEXT NOT NULL, payload TEXT NOT NULL,
      state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, run_after_ms INTEGER NOT NULL, last_error TEXT);
    CREATE INDEX IF NOT EXISTS jobs_ready ON jobs (state, run_after_ms);
  `)
  return db
}
