/**
 * The outside world of one app under test, in a process of its own so that neither the app's nor
 * the load generator's event loop pays for it: the LivePerson simulator (with the latency asked
 * for) and the fake Slack Web API with its response_url sink.
 */
import { FakeSlack, type ResponsePost } from '../../src/sandbox/fake-slack';
import { DEFAULT_OAUTH, ROUTE_NAMES, startSimulator } from '../../src/simulator';
import { serveParent, type FinalsResult } from './protocol';

export interface InfraConfig {
  latencyMs: number;
  /** Require the bot's OAuth 1.0a signatures (the naive handler sends none). */
  oauth: boolean;
}

/** The "still waiting" note replaces the placeholder, it is not the answer. */
function isFinal(post: ResponsePost): boolean {
  const text = post.body.text;
  return !(typeof text === 'string' && text.includes('Still waiting on LivePerson'));
}

async function main(): Promise<void> {
  const cfg = JSON.parse(process.env.QP_ACK_INFRA ?? '{}') as InfraConfig;
  const sim = await startSimulator({
    latencyMs: cfg.latencyMs,
    ...(cfg.oauth ? { oauth: DEFAULT_OAUTH } : {}),
  });
  const slack = await new FakeSlack().start();
  const firstFinal = new Map<string, number>();
  slack.onEvent((e) => {
    if (e.kind === 'response' && isFinal(e.post) && !firstFinal.has(e.post.id))
      firstFinal.set(e.post.id, e.post.at);
  });
  serveParent(
    { simUrl: sim.url, accountId: sim.accountId, slackUrl: slack.url, slackApiUrl: slack.apiUrl },
    {
      /** LivePerson requests since the last reset, by route, CSDS included. */
      stats: () => sim.stats(),
      /** Slack Web API calls since the last reset, by method. */
      slackCalls: () => {
        const out: Record<string, number> = {};
        for (const c of slack.calls) out[c.method] = (out[c.method] ?? 0) + 1;
        return out;
      },
      reset: () => {
        sim.resetStats();
        slack.calls.splice(0);
        slack.responses.splice(0);
        firstFinal.clear();
        return ROUTE_NAMES.length;
      },
      waitFinals: async (args) => {
        const { ids, timeoutMs } = args as { ids: string[]; timeoutMs: number };
        const all = () => ids.every((id) => firstFinal.has(id));
        await slack.waitFor(all, timeoutMs).catch(() => undefined);
        const ats = ids.map((id) => firstFinal.get(id)).filter((t): t is number => t !== undefined);
        return {
          lastAt: ats.length ? Math.max(...ats) : NaN,
          missing: ids.length - ats.length,
        } satisfies FinalsResult;
      },
      close: async () => {
        await slack.close();
        await sim.close();
        setImmediate(() => process.exit(0));
        return true;
      },
    },
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
