import { RequestMethod } from '@nestjs/common';
import { type Params } from 'nestjs-pino';
import { type AppConfig } from '../config/app-config';

/** Structured JSON logs; credentials, cookies and tokens never reach them. */
export function loggerParams(config: AppConfig): Params {
  return {
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
    pinoHttp: {
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
  };
}
