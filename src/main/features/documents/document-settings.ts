// The user's choices of the decree's ranges (margins, body size, line spacing), applied to
// every document the app writes.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { DEFAULT_DOCUMENT_SETTINGS, documentSettings } from '../../../shared/contract/document-model';
import { getSetting, setSetting } from '../safety/settings';

export type DocumentSettings = z.output<typeof documentSettings>;
const KEY = 'documents.settings';

export async function getDocumentSettings(db: Kysely<DB>): Promise<DocumentSettings> {
  const saved = await getSetting<unknown>(db, KEY, null);
  const parsed = documentSettings.safeParse(saved ?? DEFAULT_DOCUMENT_SETTINGS);
  return parsed.success ? parsed.data : documentSettings.parse(DEFAULT_DOCUMENT_SETTINGS);
}

export async function saveDocumentSettings(db: Kysely<DB>, settings: DocumentSettings): Promise<DocumentSettings> {
  await setSetting(db, KEY, settings);
  return getDocumentSettings(db);
}
