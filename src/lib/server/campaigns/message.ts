// One contact's invitation message, filled from the campaign's template in the contact's language.
import type { Kysely } from 'kysely';
import { catalogs } from '$lib/i18n/catalogs';
import type { Locale } from '$lib/i18n/locales';
import { translate } from '$lib/i18n/translate';
import { formatZoned } from '$lib/i18n/zoned-format';
import { fillParagraphs, fillTemplate, recipientLanguage, type InvitationTemplate, type InvitationValues } from '../../survey/invitation-template';
import { respondentLink } from '../collection/links';
import type { Database } from '../db/schema';
import { composeMail } from '../mail/compose';
import type { MailContent } from '../mail/render';
import type { OutgoingMail } from '../mail/message';
import type { Campaign } from '../repo/campaigns';
import type { Survey } from '../repo/surveys';

type Db = Kysely<Database>;

/** The contact's language among the survey's. */
export function languageFor(survey: Survey, contactLanguage: string | null): Locale {
	return recipientLanguage(contactLanguage, survey.settings.languages, survey.settings.defaultLanguage) as Locale;
}

/** The closing date in the survey's time zone, the zone named, or a sentence saying there is none. */
export function closesText(survey: Survey, locale: Locale): string {
	return survey.closesAt === null ? translate(catalogs[locale], 'campaigns.noClosingDate') : formatZoned(survey.closesAt, survey.settings.timeZone, locale, 'long');
}

/** Subject and paragraphs for one reader; `token` null gives the survey's public link (previews, test sends). */
export function invitationContent(campaign: Campaign, survey: Survey, locale: Locale, reader: { name: string; token: string | null }, origin: string): MailContent {
	const template = campaign.templates[locale] ?? campaign.templates[survey.settings.defaultLanguage];
	const link = respondentLink(origin, survey.code, { token: reader.token });
	const name = reader.name.trim() || translate(catalogs[locale], 'campaigns.mail.nameless');
	const values: InvitationValues = { name, link, closes: closesText(survey, locale) };
	return {
		subject: fillTemplate(template.subject, values),
		paragraphs: fillParagraphs(template.body, values),
		action: { label: translate(catalogs[locale], 'campaigns.mail.action'), url: link }
	};
}

export async function composeInvitation(
	db: Db,
	campaign: Campaign,
	survey: Survey,
	to: { email: string; name: string; locale: Locale; token: string | null },
	origin: string
): Promise<OutgoingMail> {
	return composeMail(db, to.email, to.locale, origin, invitationContent(campaign, survey, to.locale, to, origin));
}

/** The new-campaign form's starting text for each survey language, from that language's catalogue. */
export function defaultTemplates(languages: readonly Locale[]): Record<string, InvitationTemplate> {
	return Object.fromEntries(languages.map((l) => [l, { subject: translate(catalogs[l], 'campaigns.default.subject'), body: translate(catalogs[l], 'campaigns.default.body') }]));
}
