// The published JSON Schema of the document model, generated from the zod schema so the two
// never drift apart (a unit test fails when resources/schemas/ is out of date).
import { z } from 'zod';
import { documentModel } from '../../shared/contract/document-model';

export const DOCUMENT_SCHEMA_FILE = 'resources/schemas/document-model.schema.json';

export function documentModelJsonSchema(): string {
  // The schema describes what a hand-written model may contain (the input side: defaults optional).
  const schema = z.toJSONSchema(documentModel, { io: 'input', unrepresentable: 'any' });
  return (
    JSON.stringify({ ...schema, $id: 'https://bao-cao-noi-vu.local/schemas/document-model.schema.json' }, null, 2) +
    '\n'
  );
}
