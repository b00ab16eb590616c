// The audience a new campaign is given: every contact, one attribute value, or a saved segment.
// A saved segment is resolved to its filter when the campaign is created (and named in it), so a
// campaign keeps writing to the same customers if the segment is deleted later.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { CampaignAudience } from '../repo/campaigns';
import { findSavedSegment } from '../repo/contact-segments';

export type AudienceChoice = CampaignAudience | { kind: 'segment'; segmentId: string };

/** The stored audience for a choice; undefined for a saved segment that does not exist. */
export async function resolveAudience(db: Kysely<Database>, choice: AudienceChoice): Promise<CampaignAudience | undefined> {
	if (choice.kind !== 'segment') return choice;
	const segment = await findSavedSegment(db, choice.segmentId);
	return segment && { kind: 'attribute', key: segment.key, value: segment.value, segment: segment.name };
}
