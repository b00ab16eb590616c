// Links within the designer's preview: the same preview with the language, page or width changed.
import type { PreviewData } from '$lib/server/design/preview';

type Where = Pick<PreviewData, 'language' | 'page' | 'width'> & { survey: { id: string } };

/** The preview page's (or its phone frame's) address with `changes` applied; absolute, so links from the frame work too. */
export function previewHref(where: Where, changes: Record<string, string | number>, route: 'preview' | 'preview/frame' = 'preview'): string {
	const query = new URLSearchParams({ lang: where.language, page: String(where.page), width: where.width });
	for (const [key, value] of Object.entries(changes)) query.set(key, String(value));
	return `/surveys/${where.survey.id}/${route}?${query}`;
}
