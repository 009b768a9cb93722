// The user's own agency and its signers (one row, plus a list).
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Agency, AuthorityPrefix } from '../../../shared/model/agency';
import type { z } from 'zod';
import type { agencyInput } from '../../../shared/contract/agency';
import { assertUnchanged } from '../../core/stale-edit';

export async function getAgency(db: Kysely<DB>): Promise<Agency> {
  const row = await db.selectFrom('agency').selectAll().where('id', '=', 1).executeTakeFirst();
  const signers = await db.selectFrom('signers').selectAll().orderBy('sort_order').orderBy('id').execute();
  const images = new Map(
    (
      await db.selectFrom('signer_signatures').select(['full_name', 'file_name', 'width_px', 'height_px']).execute()
    ).map((r) => [r.full_name, { fileName: r.file_name, widthPx: r.width_px, heightPx: r.height_px }]),
  );
  return {
    parentName: row?.parent_name ?? '',
    name: row?.name ?? '',
    abbreviation: row?.abbreviation ?? '',
    place: row?.place ?? '',
    draftingUnit: row?.drafting_unit ?? '',
    updatedAt: row?.updated_at ?? null,
    signers: signers.map((s) => ({
      id: s.id,
      fullName: s.full_name,
      title: s.title,
      authorityPrefix: s.authority_prefix as AuthorityPrefix,
      authorityLine: s.authority_line,
      isDefault: s.is_default === 1,
      signatureImage: images.get(s.full_name) ?? null,
    })),
  };
}

export async function saveAgency(
  db: Kysely<DB>,
  input: z.output<typeof agencyInput>,
  now = new Date(),
): Promise<Agency> {
  await db.transaction().execute(async (trx) => {
    await assertUnchanged(trx, 'agency', 1, input.expectedUpdatedAt, 'Thông tin cơ quan');
    const values = {
      parent_name: input.parentName,
      name: input.name,
      abbreviation: input.abbreviation,
      place: input.place,
      drafting_unit: input.draftingUnit,
      updated_at: now.toISOString(),
    };
    await trx
      .insertInto('agency')
      .values({ id: 1, ...values })
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .execute();
    await trx.deleteFrom('signers').execute();
    let order = 0;
    for (const s of input.signers) {
      await trx
        .insertInto('signers')
        .values({
          full_name: s.fullName,
          title: s.title,
          authority_prefix: s.authorityPrefix,
          authority_line: s.authorityPrefix === '' ? '' : s.authorityLine,
          is_default: s.isDefault ? 1 : 0,
          sort_order: order++,
        })
        .execute();
    }
  });
  return getAgency(db);
}
