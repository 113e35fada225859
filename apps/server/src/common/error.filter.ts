import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { type ApiError } from '@sunlight/contracts';
import { type Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import { type ZodError } from 'zod';
import { AuditService } from '../modules/audit/audit.service';
import { AppError } from './app-error';
import { englishMessage } from './zod-locale';
import { type SunlightRequest } from './request-context';

/**
 * Every error leaves as `{ code, message, messageEn }`: bad input is a 4xx that says what to fix,
 * anything unexpected is a 500 without internals, and refused access lands in the audit log.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly audit: AuditService) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const http = host.switchToHttp();
    const req = http.getRequest<SunlightRequest>();
    const res = http.getResponse<Response>();
    const [status, body] = this.toApiError(exception);
    if (status === 403 && body.code === 'FORBIDDEN' && req.actor) {
      await this.audit.record({
        actor: req.actor,
        action: 'access.denied',
        result: 'denied',
        targetType: 'route',
        targetId:
          `${req.method} ${req.route ? String((req.route as { path: string }).path) : req.path}`.slice(0, 64),
        detail: req.originalUrl.slice(0, 500),
      });
    }
    if (status >= 500) this.logger.error(exception);
    if (!res.headersSent) res.status(status).json(body);
  }

  private toApiError(e: unknown): [number, ApiError] {
    if (e instanceof AppError) return [e.getStatus(), e.toBody()];
    if (e instanceof ZodValidationException) return [400, validationBody(e.getZodError() as ZodError)];
    if (e instanceof ThrottlerException) {
      return [
        429,
        {
          code: 'RATE_LIMITED',
          message: '请求过于频繁，请稍后再试',
          messageEn: 'Too many requests, try again later',
        },
      ];
    }
    return statusBody(e instanceof HttpException ? e.getStatus() : statusOf(e));
  }
}

/** body-parser and friends throw plain errors that carry an HTTP status. */
export function statusOf(e: unknown): number | undefined {
  if (typeof e === 'object' && e !== null && 'status' in e && typeof e.status === 'number') return e.status;
  return undefined;
}

function validationBody(error: ZodError): ApiError {
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const zh = issues.map((i) => (i.path ? `${i.path}：${i.message}` : i.message)).join('；');
  const en = error.issues
    .map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${englishMessage(i)}`)
    .join('; ');
  return {
    code: 'VALIDATION_FAILED',
    message: `提交的内容有误：${zh}`,
    messageEn: `Invalid input: ${en}`,
    issues,
  };
}

/** The answer for an error known only by its HTTP status (framework and body-parser errors). */
export function statusBody(status: number | undefined): [number, ApiError] {
  switch (status) {
    case 400:
      return [
        400,
        { code: 'BAD_REQUEST', message: '请求格式不正确，请检查提交的内容', messageEn: 'Malformed request' },
      ];
    case 404:
      return [404, { code: 'NOT_FOUND', message: '请求的地址不存在', messageEn: 'No such endpoint' }];
    case 413:
      return [
        413,
        { code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大', messageEn: 'Request body too large' },
      ];
    default:
      if (status !== undefined && status >= 400 && status < 500) {
        return [
          status,
          { code: 'BAD_REQUEST', message: '请求无法处理', messageEn: 'Request cannot be processed' },
        ];
      }
      return [
        500,
        {
          code: 'INTERNAL',
          message: '服务器内部错误，请稍后重试或联系管理员',
          messageEn: 'Internal server error',
        },
      ];
  }
}
