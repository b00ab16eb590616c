import type { I18n } from '$lib/i18n/context.svelte';
import { localText } from '$lib/survey/definition';
import type { QuotaGroup, QuotaOptionRow } from '$lib/survey/quotas';

/** What a page calls a quota source: "Channel link", or the question's text (its code if it has none). */
export function groupName(i18n: I18n, group: Pick<QuotaGroup, 'kind' | 'code' | 'label'>): string {
	if (group.kind === 'channel') return i18n.t('quotas.channel');
	return localText(group.label ?? {}, i18n.locale) || group.code;
}

/** An option's label, or its code marked as no longer offered. */
export function optionName(i18n: I18n, option: QuotaOptionRow): string {
	return localText(option.label, i18n.locale) || i18n.t('quotas.optionGone', { option: option.code });
}
