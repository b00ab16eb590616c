import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** For load balancers and start scripts: the server is up and its database migrated. */
export const GET: RequestHandler = () => json({ status: 'ok' });
