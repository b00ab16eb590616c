// The /contacts part of the /api/v1 description (merged into openapi.ts's document).

const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const common = {
	'401': error('No token, or an unknown, revoked or deactivated one'),
	'403': error('A viewer’s token (contacts are personal data), or a read-only token for a write'),
	'429': error('Rate limit of the token exceeded (see Retry-After)')
};

export const contactPaths = {
	'/contacts': {
		get: {
			summary: 'The workspace’s contacts, newest first, cursor-paged (admins and researchers)',
			parameters: [
				{ name: 'q', in: 'query', schema: { type: 'string' }, description: 'Part of a name, email or external id' },
				{ name: 'attr', in: 'query', schema: { type: 'string' }, description: 'An attribute key; with value, only contacts whose attribute equals it' },
				{ name: 'value', in: 'query', schema: { type: 'string' } },
				{ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } },
				{ name: 'cursor', in: 'query', schema: { type: 'string' }, description: 'nextCursor of the previous page' }
			],
			responses: {
				'200': { description: 'A page', content: { 'application/json': { schema: { type: 'object', properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Contact' } }, nextCursor: { type: ['string', 'null'] } } } } } },
				'400': error('Bad limit or cursor'),
				...common
			}
		}
	},
	'/contacts/import': {
		post: {
			summary: 'Import contacts from CSV, all or nothing: a row updates the contact with its external id, else its email; empty cells keep stored values; opt-outs are never cleared. Needs a read-write token',
			parameters: [
				{ name: 'mapping', in: 'query', schema: { type: 'string' }, description: 'JSON object header → externalId, name, email, language, attr:<key> or "" (ignore), for headers not recognised or remembered' },
				{ name: 'name', in: 'query', schema: { type: 'string' }, description: 'File name for the audit log' }
			],
			requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } },
			responses: {
				'200': { description: 'Imported', content: { 'application/json': { schema: { type: 'object', properties: { data: { type: 'object', properties: { rows: { type: 'integer' }, created: { type: 'integer' }, updated: { type: 'integer' }, encoding: { type: 'string' }, delimiter: { type: 'string' } } } } } } } },
				'400': error('Bad mapping parameter'),
				'415': error('Wrong content type'),
				'422': error('unknown_columns (details.unknown) or invalid_file (details.errors: row, column, value, code, message in the Accept-Language); nothing stored'),
				...common
			}
		}
	},
	'/contacts/{id}': {
		delete: {
			summary: 'Delete a contact’s personal data on request; responses stay, no longer linked to the person; an opt-out is kept as a keyed hash of the address. Needs a read-write token',
			parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'Contact id' }],
			responses: {
				'200': { description: 'Deleted', content: { 'application/json': { schema: { type: 'object', properties: { data: { type: 'object', properties: { deleted: { type: 'string' }, invitationsUnlinked: { type: 'integer' } } } } } } } },
				'404': error('No such contact'),
				...common
			}
		}
	}
};

export const contactSchemas = {
	Contact: {
		type: 'object',
		properties: {
			id: { type: 'string' },
			externalId: { type: ['string', 'null'] },
			email: { type: ['string', 'null'], description: 'Trimmed and lower-cased' },
			name: { type: 'string' },
			language: { enum: ['zh-CN', 'en', null] },
			attributes: { type: 'object', additionalProperties: { type: 'string' } },
			optedOut: { type: 'boolean' },
			optedOutAt: { type: ['string', 'null'], format: 'date-time' },
			createdAt: { type: 'string', format: 'date-time' },
			updatedAt: { type: 'string', format: 'date-time' }
		}
	}
};
