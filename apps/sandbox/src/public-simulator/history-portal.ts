// Portal history: articles spread over the site's columns, page views for two weeks after each, and
// letters to the bureau over the same range, most of them answered within days.
import type { PortalAccount } from '../core/accounts';
import type { SandboxContext } from '../core/context';
import { InputError } from '../core/errors';
import { DAY_MS, ymd } from '../core/time';
import { articleBody, articleTitle, kindOfColumn } from './article-text';
import { OFFICIAL_ANSWERS } from './corpus/reactions';
import { letterTitle, pickMessage } from './generator';
import { attention, burstAt, type HistoryPlan } from './history-plan';
import type { PublicSimulator } from './simulator';

export function seedPortalHistory(
  ctx: SandboxContext,
  sim: PublicSimulator,
  a: PortalAccount,
  plan: HistoryPlan,
) {
  const { rng } = plan;
  const columns = a.config.columns;
  let originals = 0;
  plan.times.forEach((at, i) => {
    const original = plan.originals[i]!;
    if (original) originals++;
    const planned = plan.columns?.[i];
    const position = planned ? columns.findIndex((c) => c.code === planned) : rng.int(0, columns.length - 1);
    const column = columns[position];
    if (!column) throw new InputError(`the site has no column ${planned}`);
    const title = articleTitle(rng, kindOfColumn(column.code, position), at);
    const content = articleBody(rng, at);
    const id = sim.portal.insertArticle({
      account_id: a.id,
      column_code: column.code,
      title,
      content,
      summary: null,
      author: '宣传处',
      source: original ? a.name : '平安江南',
      client_ref: null,
      published_at: at,
      created_at: at,
    });
    ctx.ledger.record({
      accountId: a.id,
      platform: 'portal',
      externalId: String(id),
      kind: original ? 'original' : 'forward',
      origin: 'history',
      endpoint: 'history',
      title,
      text: content,
      status: 'published',
      at,
    });
    const peak = attention(plan, 150);
    for (let d = 0; d < 14 && at + d * DAY_MS < plan.now; d++) {
      const views = Math.round(peak / (d + 1) ** 1.3);
      if (views === 0) break;
      sim.portal.addViews(a.id, ymd(at + d * DAY_MS), id, views);
    }
  });
  const m = plan.messageRng;
  for (const at of plan.messages) {
    const p = sim.person(m);
    const msg = pickMessage(m, 'letter', at, burstAt(plan, at));
    const id = sim.portal.insertLetter({
      account_id: a.id,
      category: msg.category,
      topic: msg.topic,
      title: letterTitle(msg.text),
      content: msg.text,
      name: `${[...p.realName][0]}**`,
      phone: `${p.phone.slice(0, 3)}****${p.phone.slice(-4)}`,
      submitted_at: at,
    });
    const repliedAt = at + m.int(DAY_MS / 2, 10 * DAY_MS);
    const answer = m.pick(OFFICIAL_ANSWERS);
    if (m.chance(0.85) && repliedAt < plan.now) sim.portal.replyLetter(id, answer, a.name, repliedAt);
  }
  return {
    posts: plan.times.length,
    originals,
    forwards: plan.times.length - originals,
    comments: 0,
    letters: plan.messages.length,
  };
}
