// The scenario in the URL: a compact, versioned encoding of the difference from the default scenario
// ("v1." + base64url(JSON)). Arrays are stored whole (a scenario file replaces arrays), objects field by field.
import { DEFAULT_SCENARIO, resolveScenario, formatError, type Scenario } from '../model/scenario';

export const SHARE_VERSION = 'v1';

/** The fields of `s` that differ from `base` (objects recursively, arrays and leaves whole). */
export function diffFrom(base: unknown, s: unknown): unknown {
  if (Array.isArray(s) || s === null || typeof s !== 'object' || base === null || typeof base !== 'object' || Array.isArray(base))
    return JSON.stringify(s) === JSON.stringify(base) ? undefined : s;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s as Record<string, unknown>)) {
    const d = diffFrom((base as Record<string, unknown>)[k], v);
    if (d !== undefined) out[k] = d;
  }
  return Object.keys(out).length ? out : undefined;
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): string {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4);
  const bin = atob(b64);
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

export function encodeScenario(s: Scenario): string {
  const patch = diffFrom(DEFAULT_SCENARIO, s) ?? {};
  return `${SHARE_VERSION}.${toBase64Url(JSON.stringify(patch))}`;
}

export type DecodeResult = { ok: true; scenario: Scenario; patch: unknown } | { ok: false; message: string };

export function decodeScenario(code: string): DecodeResult {
  const dot = code.indexOf('.');
  const version = dot > 0 ? code.slice(0, dot) : '';
  if (version !== SHARE_VERSION) return { ok: false, message: `this link's scenario format "${version || code.slice(0, 8)}" is not one this version reads (${SHARE_VERSION})` };
  let patch: unknown;
  try {
    patch = JSON.parse(fromBase64Url(code.slice(dot + 1)));
  } catch {
    return { ok: false, message: 'the scenario in this link is damaged (it does not decode)' };
  }
  const r = resolveScenario(patch);
  if (!r.ok) return { ok: false, message: `the scenario in this link is invalid: ${formatError(r.errors[0])}` };
  return { ok: true, scenario: r.scenario, patch };
}

/** Reads `#s=…` from a location hash. */
export function scenarioCodeFromHash(hash: string): string | null {
  const m = /(?:^#|&)s=([^&]+)/.exec(hash);
  return m ? decodeURIComponent(m[1]) : null;
}
