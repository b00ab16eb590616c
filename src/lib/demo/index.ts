// The demo workspace: a SERVQUAL survey of a retail bank and an ECSI-model survey, generated with
// fixed seeds so every installation (and every test) gets the same numbers.
import { bankSurvey } from './bank';
import { ecsiSurvey } from './ecsi';
import type { DemoSurvey } from './types';

export type { DemoSurvey, DemoResponse } from './types';
export { BANK_DIMENSIONS, PLANTED_DROP, PLANTED_EFFECTS } from './bank';

/** Both demo surveys; `newId` makes the indicator-node ids. */
export function demoWorkspace(newId: () => string, options: { bankResponses?: number; ecsiResponses?: number } = {}): DemoSurvey[] {
	return [bankSurvey(newId, options.bankResponses), ecsiSurvey(newId, options.ecsiResponses)];
}
