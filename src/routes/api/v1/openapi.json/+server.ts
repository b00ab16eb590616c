import { apiJson } from '$lib/server/data/api-http';
import { openApiDocument } from '$lib/server/data/openapi';
import type { RequestHandler } from './$types';

/** The API description (OpenAPI 3.1); public, like any API documentation. */
export const GET: RequestHandler = ({ url }) => apiJson(openApiDocument(url.origin));
