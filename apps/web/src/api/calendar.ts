import { calendarEventSchema, type CalendarQuery } from '@sunlight/contracts';
import { z } from 'zod';
import { http } from './http';

export const calendarEvents = (query: CalendarQuery) =>
  http.get('/calendar', z.array(calendarEventSchema), { query: { ...query } });
