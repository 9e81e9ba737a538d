import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors';

/**
 * Route-level `config.rateLimit` for routes that store uploaded files: counted per signed-in user (not per address,
 * so colleagues behind one office NAT do not share a budget, and one account cannot fill the disk from many
 * addresses), answered with a bilingual 429 that says when to try again. The limiter runs as a route onRequest
 * hook, after the session hook has resolved the user; without a session it counts per address (the route then
 * answers 401 anyway).
 */
export function uploadRateLimit(max: number, windowMinutes: number) {
  return {
    max,
    timeWindow: windowMinutes * 60_000,
    keyGenerator: (req: FastifyRequest) => (req.kcAccess ? `upload:user:${req.kcAccess.principal.userId}` : `upload:ip:${req.ip}`),
    errorResponseBuilder: (_req: FastifyRequest, ctx: { ttl: number }) => {
      const seconds = Math.max(1, Math.ceil(ctx.ttl / 1000));
      return new AppError(
        429,
        'UPLOAD_RATE_LIMITED',
        `Bạn đã tải tệp lên quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau ${seconds} giây.`,
        `Too many uploads in a short time. Try again in ${seconds} seconds.`,
        { retryAfterSeconds: seconds, max, windowMinutes },
      );
    },
  };
}
