/**
 * Opening and updating modals (views.open / views.update) with the bot's own Web API client: the
 * view checked against Slack's limits first, a failure returned as an outcome, never thrown. A
 * trigger_id works once and for 3 seconds, so nothing here retries.
 */
import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { checkView } from './views/limits';

export type ModalResult = { ok: true; viewId: string; hash?: string } | { ok: false; detail: string };

export interface Modals {
  open(triggerId: string, view: ModalView): Promise<ModalResult>;
  /** `hash` makes Slack refuse the update when the view changed meanwhile. */
  update(viewId: string, view: ModalView, hash?: string): Promise<ModalResult>;
}

function limits(view: ModalView): ModalResult | undefined {
  const violations = checkView(view);
  return violations.length
    ? { ok: false, detail: violations.map((v) => `${v.path}: ${v.message}`).join('; ') }
    : undefined;
}

function outcome(r: { view?: { id?: string; hash?: string } }): ModalResult {
  const id = r.view?.id;
  if (!id) return { ok: false, detail: 'no view id in the answer' };
  return { ok: true, viewId: id, ...(r.view?.hash ? { hash: r.view.hash } : {}) };
}

function failure(err: unknown): ModalResult {
  const e = err as { data?: { error?: string }; message?: string };
  return { ok: false, detail: e.data?.error ?? e.message ?? String(err) };
}

export function createModals(client: Pick<WebClient, 'views'>): Modals {
  return {
    async open(triggerId, view) {
      const refused = limits(view);
      if (refused) return refused;
      return client.views.open({ trigger_id: triggerId, view }).then(outcome, failure);
    },
    async update(viewId, view, hash) {
      const refused = limits(view);
      if (refused) return refused;
      return client.views.update({ view_id: viewId, view, ...(hash ? { hash } : {}) }).then(outcome, failure);
    },
  };
}
