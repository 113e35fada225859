import { HttpException, HttpStatus } from '@nestjs/common';
import { type ApiError, type ErrorCode } from '@sunlight/contracts';

/** An error a person can act on: HTTP status, stable code, and the message in Chinese and English. */
export class AppError extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: ErrorCode,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly issues?: ApiError['issues'],
  ) {
    super(messageEn, status);
  }

  toBody(): ApiError {
    const body: ApiError = { code: this.code, message: this.messageZh, messageEn: this.messageEn };
    if (this.issues) body.issues = this.issues;
    return body;
  }
}

export const forbidden = (zh = '您没有执行此操作的权限', en = 'You are not allowed to do this') =>
  new AppError(HttpStatus.FORBIDDEN, 'FORBIDDEN', zh, en);

export const notFound = (whatZh: string, whatEn: string) =>
  new AppError(
    HttpStatus.NOT_FOUND,
    'NOT_FOUND',
    `${whatZh}不存在或不在您的管辖范围内`,
    `${whatEn} not found`,
  );

export const conflict = (zh: string, en: string) => new AppError(HttpStatus.CONFLICT, 'CONFLICT', zh, en);
