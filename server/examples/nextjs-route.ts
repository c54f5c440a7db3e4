/**
 * Example: the token endpoint as a Next.js App Router route handler. Save it as
 * `app/api/circle-token/route.ts` and point the widgets at it:
 * `<circle-feed token-endpoint="/api/circle-token">`.
 *
 * Put CIRCLE_HEADLESS_APP_TOKEN in `.env.local` and in the hosting platform's environment
 * settings. Without a `NEXT_PUBLIC_` prefix, Next never bundles it for browsers.
 */
import { createTokenHandler } from '../src/token-handler.js';

// Node keeps the in-memory rate limit across requests longer than the edge does; and a token
// answer must never be cached or prerendered.
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = createTokenHandler({
  appToken: process.env.CIRCLE_HEADLESS_APP_TOKEN,
  identify: async (request) => {
    const user = await getSignedInUser(request);
    return user ? { sso_user_id: user.id } : null;
  },
});

/**
 * Stands for the site's auth library, and says "signed out" until replaced. With Auth.js:
 * `const session = await auth(); return session?.user?.id ? { id: session.user.id } : null;`
 */
async function getSignedInUser(request: Request): Promise<{ id: string } | null> {
  void request;
  return null;
}
