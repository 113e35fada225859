import { createI18n } from 'vue-i18n';
import zhCN, { type MessageSchema } from './zh-CN';

export const i18n = createI18n<[MessageSchema], 'zh-CN', false>({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN },
});

/** For code outside components (the HTTP client, the router) that needs a translated string. */
export const t = i18n.global.t;
