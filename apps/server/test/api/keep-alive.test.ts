import { Agent, get, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';

/** GET over `agent`, with whether the request went out on a connection that was open already. */
function fetchOver(agent: Agent, url: string): Promise<{ status: number; reused: boolean }> {
  return new Promise((resolve, reject) => {
    const req = get(url, { agent }, (res: IncomingMessage) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
    });
    req.on('error', reject);
  });
}

// Browsers, proxies and API clients keep idle connections and send the next request on them. Node's
// server closed them after 5 s, so a request sent as it closed one failed with a reset (seen as
// ECONNRESET in the e2e's API calls); idle connections now outlive a proxy's own (nginx: 60 s).
describe('HTTP keep-alive', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
  });
  afterAll(() => t?.close());

  it('keeps an idle connection open longer than clients keep theirs', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      expect(await fetchOver(agent, `${t.url}/api/health`)).toMatchObject({ reused: false });
      await new Promise((r) => setTimeout(r, 6_000));
      expect(await fetchOver(agent, `${t.url}/api/health`)).toMatchObject({ reused: true });
    } finally {
      agent.destroy();
    }
  }, 20_000);
});
