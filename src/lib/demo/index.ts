// The demo workspace: a SERVQUAL survey of a retail bank (with a customer panel invited in two
// waves) and an ECSI-model survey, generated with fixed seeds so every installation (and every
// test) gets the same numbers.
import { bankSurvey } from './bank';
import { ecsiSurvey } from './ecsi';
import { withBankPanel } from './panel';
import type { DemoSurvey } from './types';

export type { DemoSurvey, DemoResponse, DemoPanel } from './types';
export { PANEL_SHIFT, PANEL_VALUE } from './panel';
export { BANK_DIMENSIONS, PLANTED_DROP, PLANTED_EFFECTS } from './bank';
export { BANK_COMPETITORS, PLANTED_GAPS } from './competitors';

/** Both demo surveys; `newId` makes the indicator-node ids. */
export function demoWorkspace(newId: () => string, options: { bankResponses?: number; ecsiResponses?: number } = {}): DemoSurvey[] {
	return [withBankPanel(bankSurvey(newId, options.bankResponses)), ecsiSurvey(newId, options.ecsiResponses)];
}
