// One finding of the design checks: a message key `designer.check.<code>` with its parameters and
// the item or section it concerns. A warning is said but does not keep the survey from opening.
export interface DesignIssue {
	code: string;
	params: Record<string, string | number>;
	item?: string;
	section?: string;
	warning?: true;
}

type Where = Pick<DesignIssue, 'item' | 'section'>;

export const issue = (code: string, params: DesignIssue['params'] = {}, where: Where = {}): DesignIssue => ({ code: `designer.check.${code}`, params, ...where });

export const warning = (code: string, params: DesignIssue['params'] = {}, where: Where = {}): DesignIssue => ({ ...issue(code, params, where), warning: true });
