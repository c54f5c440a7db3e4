export {
  createTokenHandler,
  DEFAULT_AUTH_BASE,
  DEFAULT_RATE_LIMIT,
  DEFAULT_TIMEOUT_MS,
  MAX_BODY_BYTES,
  TokenEndpointError,
} from './token-handler.js';
export type {
  MemberIdentity,
  RateLimitOptions,
  TokenAction,
  TokenEndpointErrorCode,
  TokenHandler,
  TokenHandlerOptions,
} from './token-handler.js';
export { toExpressMiddleware, toFetchRequest, toNodeListener, writeFetchResponse } from './node.js';
export type { ExpressLikeMiddleware, ExpressLikeRequest, NodeListener } from './node.js';
