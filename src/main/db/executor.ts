// What a service runs its queries on: the database or a transaction of it. Services take this,
// never the driver's handle, so they work the same inside a caller's transaction and on any dialect.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema';

export type Executor = Kysely<DB> | Transaction<DB>;
