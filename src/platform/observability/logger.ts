import pino from 'pino';

export type Logger = pino.Logger;

/** Structured JSON logs. Secrets never reach here: request logging redacts cookies, auth headers and passwords. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        '*.password',
        '*.rtspUrl',
        '*.secret',
      ],
      censor: '[redacted]',
    },
  });
}
