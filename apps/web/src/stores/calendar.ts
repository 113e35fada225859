import type { CalendarEvent, Channel } from '@sunlight/contracts';
import { defineStore } from 'pinia';
import { reactive, ref } from 'vue';
import * as calendarApi from '@/api/calendar';
import * as postsApi from '@/api/posts';
import { rangeOf, shanghaiDay } from '@/utils/calendar-grid';

export interface CalendarFilter {
  department: number | undefined;
  account: number | undefined;
  channel: Channel | undefined;
  column: number | undefined;
}

/** 内容日历: the publications of the days on screen, and the moves made from it. */
export const useCalendarStore = defineStore('calendar', () => {
  const view = ref<'month' | 'week'>('month');
  /** Any day of the month or week shown. */
  const anchor = ref(shanghaiDay(new Date()));
  const events = ref<CalendarEvent[]>([]);
  const loading = ref(false);
  const filter = reactive<CalendarFilter>({
    department: undefined,
    account: undefined,
    channel: undefined,
    column: undefined,
  });

  async function load() {
    loading.value = true;
    try {
      events.value = await calendarApi.calendarEvents({ ...rangeOf(view.value, anchor.value), ...filter });
    } finally {
      loading.value = false;
    }
  }

  async function reschedule(e: CalendarEvent, dueAt: string) {
    await postsApi.reschedulePublication(e.publicationId, dueAt);
    await load();
  }

  async function cancel(e: CalendarEvent) {
    await postsApi.cancelPublication(e.publicationId);
    await load();
  }

  async function sendNow(e: CalendarEvent) {
    await postsApi.sendPublicationNow(e.publicationId);
    await load();
  }

  return { view, anchor, events, loading, filter, load, reschedule, cancel, sendNow };
});
