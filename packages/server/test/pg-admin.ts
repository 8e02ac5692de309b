import { openDb, type Db } from '../src/db/client.js';

/** Runs fn with a connection to the server's maintenance database. */
export async function withDatabase<T>(serverUrl: string, fn: (admin: Db) => Promise<T>): Promise<T> {
  const admin = await openDb({ databaseUrl: serverUrl });
  try { return await fn(admin); } finally { await admin.close(); }
}
