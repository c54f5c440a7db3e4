/**
 * Example, not production code: the token endpoint as a Cloudflare Worker on the site's own
 * domain, so the widgets call it same-origin.
 *
 * In your Worker project, put this file and a copy of server/src/token-handler.ts side by side
 * (src/index.ts and src/token-handler.ts, say), and import the handler from './token-handler.js'.
 * Here it imports the repository's own copy, so that the example is type-checked against it.
 *
 * wrangler.toml:
 *   routes = [{ pattern = "www.example.com/api/circle-token", zone_name = "example.com" }]
 * Secrets (never in wrangler.toml):
 *   npx wrangler secret put CIRCLE_HEADLESS_APP_TOKEN
 *   npx wrangler secret put SESSION_SECRET
 *
 * identify() below trusts a cookie the site's own login signed: `site_session` holds
 * `<SSO user id>.<expiry in unix seconds>.<base64url HMAC-SHA256 of "<id>.<expiry>">`, keyed
 * with SESSION_SECRET. Replace it with however your site really knows its visitors; asking the
 * site's auth server is sketched at the end.
 */
// In your project: './token-handler.js', the copy beside this file.
import { createTokenHandler } from '../src/token-handler.js';
import type { MemberIdentity, TokenHandler } from '../src/token-handler.js';

interface Env {
  CIRCLE_HEADLESS_APP_TOKEN: string;
  SESSION_SECRET: string;
}

const ENDPOINT_PATH = '/api/circle-token';

let handler: TokenHandler | undefined;

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    // Anything else on a broader route goes on to the site itself.
    if (new URL(request.url).pathname !== ENDPOINT_PATH) return fetch(request);

    // Secrets only arrive with a request, so the handler is built on the first one. Its rate
    // limit lives in this isolate's memory; a Cloudflare rate limiting rule can add a global one.
    handler ??= createTokenHandler({
      appToken: env.CIRCLE_HEADLESS_APP_TOKEN,
      identify: (incoming) => identifyFromSignedCookie(incoming, env.SESSION_SECRET),
    });
    return handler(request);
  },
};

async function identifyFromSignedCookie(
  request: Request,
  secret: string,
): Promise<MemberIdentity | null> {
  const parts = readCookie(request, 'site_session')?.split('.') ?? [];
  const signature = parts.pop();
  const expires = parts.pop();
  const ssoUserId = parts.join('.');
  if (!ssoUserId || !expires || !signature) return null;
  if (!(Number(expires) * 1000 > Date.now())) return null;

  const encoder = new TextEncoder();
  const hmac = { name: 'HMAC', hash: 'SHA-256' };
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), hmac, false, ['verify']);
  const signed = encoder.encode(`${ssoUserId}.${expires}`);
  const valid = await crypto.subtle.verify('HMAC', key, base64UrlToBytes(signature), signed);
  return valid ? { sso_user_id: decodeURIComponent(ssoUserId) } : null;
}

function readCookie(request: Request, name: string): string | undefined {
  for (const pair of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...value] = pair.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function base64UrlToBytes(text: string): Uint8Array<ArrayBuffer> {
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return new Uint8Array();
  }
}

// Asking the site's auth server instead of checking a cookie here:
//
//   identify: async (incoming) => {
//     const me = await fetch('https://auth.example.com/me', {
//       headers: { cookie: incoming.headers.get('cookie') ?? '' },
//     });
//     if (!me.ok) return null;
//     const user = (await me.json()) as { id: string };
//     return { sso_user_id: user.id };
//   },
