// The links respondents open, and their QR codes.
import QRCode from 'qrcode';

/** The respondent link of a survey: public, per channel (`?ch=`) or personal (`?t=`). */
export function respondentLink(origin: string, code: string, options: { channel?: string | null; token?: string | null } = {}): string {
	const url = new URL(`/s/${encodeURIComponent(code)}`, origin);
	if (options.channel) url.searchParams.set('ch', options.channel);
	if (options.token) url.searchParams.set('t', options.token);
	return url.href;
}

/** A QR code of `text` as a standalone SVG (medium error correction survives a little wear on paper). */
export function qrSvg(text: string): Promise<string> {
	return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
