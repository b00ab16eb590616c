import { error } from '@sveltejs/kit';
import * as v from 'valibot';

export type FieldErrors = Record<string, string>;

export type FormParse<T> =
	| { ok: true; data: T; values: Record<string, string> }
	| { ok: false; errors: FieldErrors; values: Record<string, string> };

/** Largest form post or API JSON body: far above any form of text fields (a large questionnaire draft included), far below what could hurt. */
export const MAX_POST_BYTES = 4 * 1024 * 1024;

/** Fields never echoed back to the page after a failed post. */
const SECRET_FIELD = /password/i;

/**
 * Reads a form post and validates it; issue messages in schemas are message keys, reported per
 * field (first issue wins). `values` holds the non-secret fields to refill the form with.
 */
export async function parseForm<S extends v.GenericSchema>(
	request: Request,
	schema: S
): Promise<FormParse<v.InferOutput<S>>> {
	const form = await readForm(request);
	if (!form) return { ok: false, errors: { form: 'validation.malformed' }, values: {} };
	const raw: Record<string, string> = {};
	for (const [name, value] of form) if (typeof value === 'string') raw[name] = value;
	const values = Object.fromEntries(Object.entries(raw).filter(([name]) => !SECRET_FIELD.test(name)));
	const result = v.safeParse(schema, raw);
	if (result.success) return { ok: true, data: result.output, values };
	const errors: FieldErrors = {};
	for (const issue of result.issues) {
		const field = issue.path?.map((p) => String(p.key)).join('.') ?? 'form';
		errors[field] ??= issue.message.startsWith('validation.') ? issue.message : 'validation.invalid';
	}
	return { ok: false, errors, values };
}

/** A required, trimmed text field of at most `max` characters. */
export function requiredText(max = 200) {
	return v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.nonEmpty('validation.required'),
		v.maxLength(max, 'validation.tooLong')
	);
}

/** An optional, trimmed text field of at most `max` characters ('' when not given). */
export function optionalText(max = 200) {
	return v.pipe(v.optional(v.string(), ''), v.trim(), v.maxLength(max, 'validation.tooLong'));
}

export const emailField = v.pipe(requiredText(254), v.email('validation.email'));

export const roleField = v.picklist(['admin', 'researcher', 'viewer'], 'validation.role');

/** New passwords: long enough, not trivially guessable, typed twice alike. */
export const newPasswordFields = {
	password: v.pipe(
		v.optional(v.string(), ''),
		v.minLength(10, 'validation.passwordTooShort'),
		v.maxLength(256, 'validation.tooLong'),
		v.check((p) => new Set(p).size >= 4, 'validation.passwordTooSimple')
	),
	confirm: v.optional(v.string(), '')
};

/** Adds the "typed twice alike" check to a schema with newPasswordFields, reported on `confirm`. */
export function withConfirmation<S extends v.ObjectSchema<v.ObjectEntries, undefined>>(schema: S) {
	// Valibot cannot prove the generic S has both keys; newPasswordFields guarantees it.
	const paths = [['password'], ['confirm']] as never;
	return v.pipe(
		schema,
		v.forward(
			v.partialCheck(
				paths,
				(input: { password?: unknown; confirm?: unknown }) => input.password === input.confirm,
				'validation.passwordMismatch'
			),
			['confirm'] as never
		)
	);
}

/** One field's error, typed like parseForm's errors so a page sees a single shape. */
export function fieldError(field: string, key: string): FieldErrors {
	return { [field]: key };
}

/** A form post of at most MAX_POST_BYTES, or null when it cannot be read; a bigger one gets the 413 page. */
export async function readForm(request: Request): Promise<PostedForm | null> {
	const form = await readPostedForm(request, MAX_POST_BYTES);
	if (form === 'tooLarge') error(413, { message: 'errors.tooLarge' });
	return form === 'malformed' ? null : form;
}

/** A parsed post: URL-encoded (plain HTML forms) or multipart (SvelteKit's enhanced forms). */
export type PostedForm = URLSearchParams | FormData;

/**
 * Reads a form post of at most `maxBytes`, however it is sent (see readLimitedBody). URL-encoded
 * posts are parsed as text, several times cheaper than going through FormData.
 */
export async function readPostedForm(request: Request, maxBytes: number): Promise<PostedForm | 'tooLarge' | 'malformed'> {
	const body = await readLimitedBody(request, maxBytes);
	if (typeof body === 'string') return body;
	const type = request.headers.get('content-type') ?? '';
	if (type.startsWith('application/x-www-form-urlencoded')) return new URLSearchParams(body.toString('utf8'));
	try {
		return await new Response(body, { headers: { 'content-type': type } }).formData();
	} catch {
		return 'malformed';
	}
}

/**
 * A request body of at most `maxBytes`, or 'tooLarge' however it is framed (Content-Length or
 * chunked), also when the server's own BODY_SIZE_LIMIT stopped it first. Only the first `maxBytes`
 * are kept; the rest is read and dropped. Answering before the body is read would leave it on the
 * connection (a keep-alive client's next request is then lost in it), and cancelling the stream
 * destroys the socket, so the client would never see the answer.
 */
export async function readLimitedBody(request: Request, maxBytes: number): Promise<Buffer<ArrayBuffer> | 'tooLarge' | 'malformed'> {
	const chunks: Uint8Array[] = [];
	let size = 0;
	const reader = request.body?.getReader();
	try {
		while (reader) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			if (size <= maxBytes) chunks.push(value);
		}
	} catch (e) {
		return (e as { status?: number }).status === 413 ? 'tooLarge' : 'malformed';
	}
	return size > maxBytes ? 'tooLarge' : Buffer.concat(chunks);
}
