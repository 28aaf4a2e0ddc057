import restify from 'restify';

// One client IP may not monopolize the instance: a token bucket per socket address (restify's throttle
// plugin, an LRU of 10 000 addresses), checked before the body is read or a token is looked at. Beyond it:
// 429 with restify's fixed message, and nothing is logged per refused request (that would be log volume
// the caller drives). X-Forwarded-For is not used: any caller can write it.

/** Handlers to put in front of the route; none when `perSecond` is 0. */
export function perIpLimit(perSecond: number, burst: number): restify.RequestHandler[] {
  if (perSecond <= 0) return [];
  return [restify.plugins.throttle({ ip: true, rate: perSecond, burst: Math.max(1, burst), maxKeys: 10_000 })];
}
