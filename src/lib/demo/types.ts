import type { IndicatorNode, ModelPath } from '../survey/indicator-tree';
import type { Answers, LocalText, SurveyDefinition, SurveySettings } from '../survey/definition';

/** A generated response: when, through which channel, and the answers. */
export interface DemoResponse {
	submittedAt: number;
	channel: string;
	language: 'zh-CN' | 'en';
	answers: Answers;
	/** A panel response: given through the personal link of `contact` (external id) in wave `wave` (1-based). */
	panel?: { contact: string; wave: number };
}

/** One survey of the demo workspace with its indicator system and responses. */
export interface DemoSurvey {
	code: string;
	title: LocalText & { en: string; 'zh-CN': string };
	settings: SurveySettings;
	system: { template: string; nameZh: string; nameEn: string; nodes: IndicatorNode[]; paths: ModelPath[] };
	definition: SurveyDefinition;
	channels: { code: string; name: { 'zh-CN': string; en: string } }[];
	responses: DemoResponse[];
	/** Contacts invited in waves; their responses are among `responses`, marked `panel`. */
	panel?: DemoPanel;
}

export type Text = { en: string; 'zh-CN': string };

export interface DemoContact {
	externalId: string;
	name: string;
	email: string;
	language: 'zh-CN' | 'en';
	attributes: { tier: 'core' | 'general'; region: string; panel: string };
}

export interface DemoWave {
	name: Text;
	/** When the wave's invitations were sent (epoch ms). */
	sentAt: number;
}

export interface DemoPanel {
	contacts: DemoContact[];
	waves: DemoWave[];
	/** The contact attributes; `segment` ones are marked as report segments, so the demo report filters by them. */
	attributes: { key: keyof DemoContact['attributes']; label: Text; segment: boolean }[];
	/** Panelists who moved on in the questionnaire of a wave without submitting it. */
	startedOnly: { contact: string; wave: number }[];
}

