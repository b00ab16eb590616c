// The /api/v1 description, written by hand beside the routes (a test checks that every route file
// under src/routes/api/v1 appears here, and nothing else does).
import { contactPaths, contactSchemas } from './openapi-contacts';

const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const surveyId = { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'Survey id' };
const common = {
	'401': error('No token, or an unknown, revoked or deactivated one'),
	'404': error('No such survey, or not shared with the token’s user'),
	'429': error('Rate limit of the token exceeded (see Retry-After)')
};
const writes = { ...common, '403': error('Read-only token, or the user may only view this survey'), '415': error('Wrong content type') };
const reads = { ...common, '403': error('Not allowed') };
const data = (schema: object) => ({ type: 'object', required: ['data'], properties: { data: schema } });
const ok = (description: string, schema: object, type = 'application/json') => ({ description, content: { [type]: { schema } } });
const exportChoices = [
	{ name: 'coding', in: 'query', schema: { enum: ['raw', 'recoded'], default: 'raw' }, description: 'recoded: reversed items reverse-coded, header marked [recoded]' },
	{ name: 'metadata', in: 'query', schema: { type: 'string' }, description: 'Comma list of response_id, submitted_at, channel, language, version, source, duration_s (default: all)' },
	{ name: 'lang', in: 'query', schema: { enum: ['zh-CN', 'en'] }, description: 'Language of labels' }
];
/** A file that reads responses.csv exported as codes with the same choices: labels, missing-value codes, measurement levels. */
const analystFile = (what: string) => ({
	get: {
		summary: `${what} reading responses.csv (values=codes, same coding, metadata and lang): variable and value labels, missing-value codes (not shown, not applicable, not answered), measurement levels`,
		parameters: [surveyId, ...exportChoices],
		responses: { '200': ok(what, { type: 'string' }, 'text/plain'), ...reads }
	}
});

/** The OpenAPI 3.1 document; `origin` becomes the server address. */
export function openApiDocument(origin: string) {
	return {
		openapi: '3.1.0',
		info: {
			title: 'SatIndex API',
			version: '1',
			description:
				'Surveys, responses, imports, exports and contacts of a SatIndex installation. Authenticate with a personal token from Account → API tokens: `Authorization: Bearer sat_…`. Read tokens may read; read-write tokens may also submit and import. Every request is further limited by the token user’s role and the surveys shared with them. Errors are `{"error": {"code", "message", "details"?}}`.'
		},
		servers: [{ url: `${origin}/api/v1` }],
		security: [{ bearer: [] }],
		paths: {
			'/surveys': {
				get: { summary: 'List the surveys the token’s user can see', responses: { '200': ok('Surveys, newest first', data({ type: 'array', items: { $ref: '#/components/schemas/Survey' } })), ...reads } }
			},
			'/surveys/{id}': {
				get: { summary: 'One survey with settings and its current questionnaire', parameters: [surveyId], responses: { '200': ok('The survey', data({ $ref: '#/components/schemas/SurveyDetail' })), ...reads } }
			},
			'/surveys/{id}/responses': {
				get: {
					summary: 'Responses in submission order, cursor-paged',
					parameters: [
						surveyId,
						{ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } },
						{ name: 'cursor', in: 'query', schema: { type: 'string' }, description: 'nextCursor of the previous page' }
					],
					responses: {
						'200': ok('A page', { type: 'object', properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Response' } }, nextCursor: { type: ['string', 'null'] } } }),
						'400': error('Bad limit or cursor'),
						...reads
					}
				},
				post: {
					summary: 'Submit a response (server to server), validated like the questionnaire; needs a read-write token and edit access',
					parameters: [surveyId],
					requestBody: {
						required: true,
						content: {
							'application/json': {
								schema: {
									type: 'object',
									required: ['answers'],
									properties: {
										answers: { type: 'object', description: 'Answer code → number, option code, option codes, text, or null (not applicable)' },
										language: { type: 'string', description: 'One of the survey’s languages (zh-CN, en; zh and en match too)' },
										channel: { type: 'string', description: 'A channel code the survey has (Distribute)' },
										invitation: { type: 'string', description: 'Single-use invitation token, for invitation-only surveys' }
									}
								}
							}
						}
					},
					responses: {
						'201': ok('Stored', data({ type: 'object', properties: { id: { type: 'string' }, answers: { type: 'object' } } })),
						'400': error('Malformed body'),
						'409': error('Survey not open, closed, full, its quota group full, or a duplicate'),
						'413': error('Body larger than 4 MB'),
						'422': error('invalid_answers (details per answer code) or invalid_metadata (details per field: channel, language); texts follow Accept-Language'),
						...writes
					}
				}
			},
			'/surveys/{id}/responses.csv': {
				get: {
					summary: 'Export every response as CSV (UTF-8 with BOM, streamed)',
					parameters: [
						surveyId,
						{ name: 'values', in: 'query', schema: { enum: ['codes', 'labels'], default: 'codes' } },
						...exportChoices
					],
					responses: { '200': ok('CSV file', { type: 'string' }, 'text/csv'), ...reads }
				}
			},
			'/surveys/{id}/responses.sps': analystFile('SPSS syntax (also runs in GNU PSPP)'),
			'/surveys/{id}/responses.R': analystFile('R script'),
			'/surveys/{id}/report': {
				get: {
					summary: 'The survey report (CSI, dimensions, items, weights, NPS, trend, findings) for the report page’s filters',
					parameters: [
						surveyId,
						{ name: 'from', in: 'query', schema: { type: 'string', pattern: '^\\d{4}-\\d{2}$' }, description: 'First month, YYYY-MM' },
						{ name: 'to', in: 'query', schema: { type: 'string', pattern: '^\\d{4}-\\d{2}$' }, description: 'Last month, YYYY-MM' },
						{ name: 'ch', in: 'query', schema: { type: 'array', items: { type: 'string' } }, style: 'form', explode: true, description: 'Channel codes' },
						{ name: 'unit', in: 'query', schema: { enum: ['month', 'quarter', 'year'], default: 'quarter' } },
						{ name: 'seg', in: 'query', schema: { type: 'array', items: { type: 'string' } }, style: 'form', explode: true, description: 'CODE:option, answers of choice items' },
						{ name: 'format', in: 'query', schema: { enum: ['json', 'csv'], default: 'json' } },
						{ name: 'lang', in: 'query', schema: { enum: ['zh-CN', 'en'], default: 'en' }, description: 'Language of the CSV texts' }
					],
					responses: { '200': { description: 'The report model (JSON) or a CSV file', content: { 'application/json': { schema: data({ type: 'object' }) }, 'text/csv': { schema: { type: 'string' } } } }, ...reads }
				}
			},
			'/surveys/{id}/import': {
				post: {
					summary: 'Import responses from CSV, all or nothing; needs a read-write token and edit access',
					parameters: [
						surveyId,
						{ name: 'mapping', in: 'query', schema: { type: 'string' }, description: 'JSON object header → answer code ("" ignores the column) for headers that are no answer code' },
						{ name: 'name', in: 'query', schema: { type: 'string' }, description: 'File name for the import history' }
					],
					requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } },
					responses: {
						'200': ok('Imported', data({ type: 'object', properties: { imported: { type: 'integer' }, encoding: { type: 'string' }, delimiter: { type: 'string' }, runId: { type: 'string' } } })),
						'422': error('unknown_columns (details.unknown) or invalid_file (details.errors: row, column, value, code, message in the Accept-Language); nothing stored'),
						...writes
					}
				}
			},
			...contactPaths
		},
		components: {
			securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A personal API token (sat_…)' } },
			schemas: {
				...contactSchemas,
				Error: {
					type: 'object',
					required: ['error'],
					properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} } } }
				},
				Survey: {
					type: 'object',
					properties: {
						id: { type: 'string' },
						code: { type: 'string' },
						title: { type: 'string' },
						status: { enum: ['draft', 'open', 'closed'] },
						access: { enum: ['view', 'edit', 'owner'] },
						accessMode: { enum: ['public', 'invitation'] },
						responseCount: { type: 'integer' },
						responseCap: { type: ['integer', 'null'] },
						opensAt: { type: ['string', 'null'], format: 'date-time' },
						closesAt: { type: ['string', 'null'], format: 'date-time' },
						createdAt: { type: 'string', format: 'date-time' },
						updatedAt: { type: 'string', format: 'date-time' },
						publicPath: { type: 'string' }
					}
				},
				SurveyDetail: {
					allOf: [
						{ $ref: '#/components/schemas/Survey' },
						{
							type: 'object',
							properties: {
								settings: { type: 'object' },
								quotas: {
									type: 'array',
									description: 'At most `limit` stored responses per group; `source` is "channel" or "item:<code>" (a single-choice item), `option` the channel or option code',
									items: { type: 'object', properties: { source: { type: 'string' }, option: { type: 'string' }, limit: { type: 'integer' }, filled: { type: 'integer' } } }
								},
								currentVersion: { type: ['object', 'null'], properties: { id: { type: 'string' }, number: { type: 'integer' }, definition: { type: 'object' } } }
							}
						}
					]
				},
				Response: {
					type: 'object',
					properties: {
						id: { type: 'string' },
						version: { type: 'integer' },
						language: { type: 'string' },
						channel: { type: ['string', 'null'] },
						source: { enum: ['web', 'import', 'api'] },
						submittedAt: { type: 'string', format: 'date-time' },
						durationMs: { type: ['integer', 'null'] },
						answers: { type: 'object' }
					}
				}
			}
		}
	};
}
