import { type INestApplication, type RequestMethod } from '@nestjs/common';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express from 'express';
import { type NextFunction, type Request, type Response } from 'express';
import { statusBody, statusOf } from './common/error.filter';
import helmet from 'helmet';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { type AppConfig } from './config/app-config';

const DOCS_PATH = 'api/docs';
/** How long an idle client connection stays open. */
const KEEP_ALIVE_MS = 65_000;

/** HTTP concerns of the api role: prefix, cookies, security headers, OpenAPI. */
export function configureHttp(app: INestApplication, config: AppConfig): void {
  const server = app as NestExpressApplication;
  server.set('trust proxy', config.trustProxy);
  server.disable('x-powered-by');
  // Browsers, proxies and API clients send the next request on a connection they keep idle. Node closed
  // idle ones after 5 s, and a request sent just as it did failed with a reset; they now outlive a
  // proxy's own idle timeout (nginx: 60 s). Headers must be allowed to take a little longer still.
  const http = server.getHttpServer();
  http.keepAliveTimeout = KEEP_ALIVE_MS;
  http.headersTimeout = KEEP_ALIVE_MS + 1_000;
  app.setGlobalPrefix('api', { exclude: [] as Array<{ path: string; method: RequestMethod }> });
  app.use(cookieParser());
  // Parsed here rather than by Nest so a malformed or oversized body gets the same JSON error as the rest.
  app.use(express.json({ limit: '1mb' }));
  // A dictionary file may be posted as it is (POST /api/safety/dictionary/import).
  app.use(express.text({ type: 'text/plain', limit: '4mb' }));
  // WeChat pushes followers' messages as XML (POST /api/channels/wechat/:id/push).
  app.use(express.text({ type: ['text/xml', 'application/xml'], limit: '1mb' }));
  app.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    const status = statusOf(err);
    if (status === undefined) return next(err);
    const [code, body] = statusBody(status);
    res.status(code).json(body);
  });
  const strict = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Element Plus positions popovers with inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        // Offices reach the server over plain HTTP on their LAN; only ask browsers to upgrade behind HTTPS.
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
  });
  // The OpenAPI UI ships an inline bootstrap script; it gets the same headers but a CSP that allows it.
  const docs = helmet({
    contentSecurityPolicy: {
      directives: {
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'", 'https:'],
      },
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) =>
    (req.path.startsWith(`/${DOCS_PATH}`) ? docs : strict)(req, res, next),
  );

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Sunlight 阳光政务新媒体运营台 API')
      .setDescription(
        'Errors: HTTP status + { code, message, messageEn }. Changes need the X-CSRF-Token header of the session.',
      )
      .setVersion('1')
      .addCookieAuth('sunlight_session')
      .build(),
  );
  SwaggerModule.setup(DOCS_PATH, app, cleanupOpenApiDoc(document), { jsonDocumentUrl: 'api/docs-json' });
}
