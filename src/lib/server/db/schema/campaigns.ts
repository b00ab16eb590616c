export interface CampaignsTable {
	id: string;
	survey_id: string;
	name: string;
	/** JSON CampaignAudience: every contact, or those with one attribute value. */
	audience: string;
	/** JSON: language → { subject, body } with {name}, {link}, {closes} placeholders. */
	templates: string;
	created_by: string | null;
	created_at: number;
	/** Epoch ms of the (first) send; null while a draft. */
	sent_at: number | null;
	/** JSON number[]: reminder delays in days after the send (at most three); '[]' for none. */
	reminder_days: string;
	/** Which wave of the survey the campaign is (1, 2, …; unique per survey). */
	wave: number;
	/** The survey channel its invitations (and so their responses) count under; null for none. */
	channel_code: string | null;
}

export interface CampaignRecipientsTable {
	campaign_id: string;
	contact_id: string;
	/** The personal single-use invitation; null when the contact was skipped. */
	invitation_id: string | null;
	language: string;
	/** Why no mail was queued: 'optedOut' | 'noEmail'; null when it was. */
	skipped: string | null;
	created_at: number;
}

export interface CampaignTables {
	campaigns: CampaignsTable;
	campaign_recipients: CampaignRecipientsTable;
}
