// The built-in templates and what is made from them: an indicator system (nodes with fresh ids and
// the structural paths) and the item wording for each leaf.
import type { Item } from '../definition';
import type { IndicatorNode, ModelPath } from '../indicator-tree';
import { ccsi } from './ccsi';
import { ecsi } from './ecsi';
import { servqual } from './servqual';
import type { SystemTemplate, TemplateId, TemplateNode } from './types';

export { questionBank, bankItem, type BankEntry } from './question-bank';
export type { SystemTemplate, TemplateId, TemplateNode } from './types';

export const systemTemplates: Record<TemplateId, SystemTemplate> = { servqual, ecsi, ccsi };
export const templateIds = Object.keys(systemTemplates) as TemplateId[];

export function isTemplateId(value: unknown): value is TemplateId {
	return typeof value === 'string' && value in systemTemplates;
}

/** Every node of a template, depth first. */
export function templateNodes(template: SystemTemplate): TemplateNode[] {
	const walk = (nodes: TemplateNode[]): TemplateNode[] => nodes.flatMap((n) => [n, ...walk(n.children ?? [])]);
	return walk(template.nodes);
}

/** The template's item for a leaf code (a copy), if the template words one. */
export function templateItem(templateId: string | null | undefined, code: string): Item | undefined {
	if (!isTemplateId(templateId)) return undefined;
	const item = templateNodes(systemTemplates[templateId]).find((n) => n.code === code)?.item;
	return item && structuredClone(item);
}

/** The template as stored nodes and paths, with ids from `newId`. */
export function instantiateTemplate(template: SystemTemplate, newId: () => string): { nodes: IndicatorNode[]; paths: ModelPath[] } {
	const nodes: IndicatorNode[] = [];
	const idByCode = new Map<string, string>();
	const add = (list: TemplateNode[], parentId: string | null) =>
		list.forEach((t, position) => {
			const id = newId();
			idByCode.set(t.code, id);
			nodes.push({
				id,
				parentId,
				code: t.code,
				nameZh: t.name['zh-CN'],
				nameEn: t.name.en,
				description: t.description ? `${t.description['zh-CN']}\n${t.description.en}` : '',
				position,
				modelRole: t.role ?? null,
				weights: {}
			});
			add(t.children ?? [], id);
		});
	add(template.nodes, null);
	const paths = template.paths.map(([from, to]) => ({ fromId: idByCode.get(from)!, toId: idByCode.get(to)! }));
	return { nodes, paths };
}
