import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './app.vue';
import { i18n } from './locales';
import { installHttpHooks } from './plugins/http-hooks';
import { createAppRouter } from './router';
import './styles/main.css';

const pinia = createPinia();
const router = createAppRouter(pinia);
installHttpHooks(router, pinia);

createApp(App).use(pinia).use(router).use(i18n).mount('#app');
