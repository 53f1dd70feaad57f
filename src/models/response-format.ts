import { APPWRITE_VERSION } from '../errors/envelope';

/**
 * The `X-Appwrite-Response-Format` a client asked for, as a dotted version with an optional
 * pre-release tag (`1.0.0-RC1` sorts before `1.0.0`, like PHP's `version_compare`).
 */
export interface ResponseFormat {
  parts: readonly number[];
  preRelease: boolean;
  text: string;
}

/** The newest format: what a request without the header gets (the version we advertise). */
export const CURRENT_FORMAT: ResponseFormat = { parts: APPWRITE_VERSION.split('.').map(Number), preRelease: false, text: APPWRITE_VERSION };

export function parseResponseFormat(header: string | undefined): ResponseFormat {
  const match = /^(\d+(?:\.\d+)*)(?:-([0-9A-Za-z.-]+))?$/.exec(header?.trim() ?? '');
  if (!match) return CURRENT_FORMAT;
  return { parts: match[1].split('.').map(Number), preRelease: match[2] !== undefined, text: match[0] };
}

/** The parts of the dotted releases `formatBefore` compares against (constants of the code). */
const versions = new Map<string, number[]>();

/** Whether `format` is older than `version` (a plain dotted release). */
export function formatBefore(format: ResponseFormat, version: string): boolean {
  let other = versions.get(version);
  if (!other) versions.set(version, (other = version.split('.').map(Number)));
  for (let i = 0; i < Math.max(format.parts.length, other.length); i++) {
    const a = format.parts[i] ?? 0;
    const b = other[i] ?? 0;
    if (a !== b) return a < b;
  }
  return format.preRelease;
}

/**
 * Appwrite 1.5 changed shapes (targets, MFA fields, token phrase) and the query syntax (JSON
 * instead of `method("attr", [values])`); older formats get the older forms.
 */
export const FORMAT_1_5 = '1.5.0';

export const usesLegacyQuerySyntax = (format: ResponseFormat) => formatBefore(format, FORMAT_1_5);
