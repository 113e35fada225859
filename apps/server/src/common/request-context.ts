import { type Request } from 'express';
import { type SessionEntity } from '../database/entities';
import { type Actor } from './actor';

/** The request as the guards leave it: the actor is set on every route that is not public. */
export interface SunlightRequest extends Request {
  actor?: Actor;
  sessionRecord?: SessionEntity;
}

export function clientIp(req: Request): string | null {
  return req.ip ?? req.socket.remoteAddress ?? null;
}
