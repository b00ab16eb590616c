import type { IndicatorNode, ModelPath } from '../survey/indicator-tree';
import type { Answers, LocalText, SurveyDefinition, SurveySettings } from '../survey/definition';

/** A generated response: when, through which channel, and the answers. */
export interface DemoResponse {
	submittedAt: number;
	channel: string;
	language: 'zh-CN' | 'en';
	answers: Answers;
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
}
