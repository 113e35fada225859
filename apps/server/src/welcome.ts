import { type AppConfig } from './config/app-config';
import { type Credentials } from './modules/bootstrap/bootstrap.service';

/** What an operator needs after start: where to go and, on the first start only, how to log in. */
export function printWelcome(config: AppConfig, issued: Credentials[]): void {
  if (config.role === 'worker') {
    console.log('Sunlight worker started (jobs, dispatch, collection).');
    return;
  }
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
  const lines = [
    '',
    '  阳光政务新媒体运营台 Sunlight',
    `  打开 Open:  http://${host}:${config.port}/`,
    `  API 文档:   http://${host}:${config.port}/api/docs`,
    `  数据库:     ${config.database.type === 'sqlite' ? config.database.path : 'MySQL/MariaDB'}  (角色 role: ${config.role})`,
  ];
  if (issued.length) {
    lines.push('', '  首次启动，已创建以下账号（密码只显示这一次 — shown once, write it down）:');
    for (const c of issued) {
      const pw = c.password
        ? `${c.password}${c.mustChange ? '  (首次登录须修改 must change at first login)' : ''}`
        : '（使用环境变量中设置的密码 password from the environment）';
      lines.push(`    ${c.username.padEnd(24)} ${pw}`);
    }
  } else {
    lines.push('', '  登录账号 Logins: admin，演示账号 demo_*（见 README；密码在首次启动时显示）');
  }
  console.log(lines.join('\n') + '\n');
}
