import { RequestMethod } from '@nestjs/common';
import { type Params } from 'nestjs-pino';
import pino from 'pino';
import { type AppConfig } from '../config/app-config';

/** Structured JSON logs; credentials, cookies and tokens never reach them. */
export function loggerParams(config: AppConfig): Params {
  return {
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
    pinoHttp: [
      {
        level: config.logLevel,
        redact: {
          paths: [
            'req.headers.cookie',
            'req.headers.authorization',
            'req.headers["x-csrf-token"]',
            'res.headers["set-cookie"]',
            '*.password',
            '*.currentPassword',
            '*.newPassword',
            '*.temporaryPassword',
            '*.secret',
            '*.accessToken',
            '*.access_token',
            '*.appSecret',
            '*.appKey',
            '*.apiKey',
            '*.secrets',
            '*.csrfToken',
          ],
          censor: '[redacted]',
        },
        autoLogging: { ignore: (req) => req.url === '/api/health' },
        serializers: {
          req: (req: { method: string; url: string; id: unknown }) => ({
            id: req.id,
            method: req.method,
            url: req.url,
          }),
        },
      },
      // Written as they happen, in order with what the process prints itself: pino's default stream writes
      // later, and put the start's hundred lines of logs under the welcome and its one-time passwords.
      pino.destination({ dest: 1, sync: true }),
    ],
  };
}
