/**
 * What each LivePerson route answers once the server has let a request through (no fault took
 * it, the account and the method are right): one handler per RouteName. The answers themselves
 * come from the pure *-answer modules; handlers add the credentials check and the HTTP framing.
 */
import type { IncomingMessage } from 'node:http';
import { validateAgentViewRequest } from '../liveperson/contract/agent-view';
import { validateHistoricalRequest } from '../liveperson/contract/historical';
import { validateKmmRequest } from '../liveperson/contract/metrics-request';
import type { Validation } from '../liveperson/contract/validation';
import {
  configItems,
  configRevision,
  revisionHeaders,
  visibleItems,
  selectFields,
  type ConfigKind,
  type RevisionHeader,
} from './account-config-answer';
import { answerAgentView } from './agent-view-answer';
import type { ContactCenter } from './contact-center';
import { csdsAll, csdsEntry } from './csds';
import { answerHistorical } from './historical-answer';
import { CODE, HttpError, bearerOf, cookieOf, parseJsonBody, type Answer } from './http-util';
import type { LoginService } from './login-service';
import { answerMetrics, type AllShape, type AnswerContext } from './metrics-answer';
import type { RequestAuth } from './request-auth';
import type { TokenService } from './token-service';
import { pagedRequest, queryParam, type RouteMatch } from './routes';
import type { RouteName } from './types';

/** One request as a handler sees it. */
export interface RouteRequest {
  req: IncomingMessage;
  url: URL;
  match: RouteMatch;
  body: Buffer;
  /** The baseURI CSDS hands out: the simulator's own URL unless a fault says otherwise. */
  csdsBase: string;
}

export type RouteHandler = (r: RouteRequest) => Answer;

export interface RouteDeps {
  accountId: string;
  center: ContactCenter;
  allShape: AllShape;
  revisionHeader: RevisionHeader;
  staleIfMatch: 'full-list' | 412;
  authorize: RequestAuth;
  loginService: LoginService;
  tokenService: TokenService;
  /** The model and the clock as of now; called once per request, so one answer sees one instant. */
  context(): AnswerContext;
}

/** The handler for every route. */
export function createRouteHandlers(deps: RouteDeps): Record<RouteName, RouteHandler> {
  const { accountId, authorize, loginService } = deps;

  const accountConfig =
    (kind: ConfigKind): RouteHandler =>
    ({ req, url }) => {
      authorize(req, url);
      if (!queryParam(url, 'v'))
        throw new HttpError(400, 'The API version (v) is required, e.g. v=2.0.', CODE.validation);
      const all = configItems(deps.center, kind);
      // The revision versions the data, whichever view of it a read asks for.
      const revision = configRevision(all);
      const items = visibleItems(all, queryParam(url, 'include_deleted'));
      const headers = revisionHeaders(kind, revision, deps.revisionHeader);
      const ifMatch = req.headers['if-match']?.replace(/^W\//, '').replace(/"/g, '').trim();
      if (ifMatch === revision) return { status: 304, headers };
      if (ifMatch && deps.staleIfMatch === 412) {
        throw new HttpError(412, `The ${kind} list changed since revision ${ifMatch}.`, CODE.precondition);
      }
      return { status: 200, body: selectFields(items, url.searchParams.get('select')), headers };
    };

  // metrics, agent_view and historical differ only in how they validate and what they answer.
  const workspaceApi =
    <T>(
      validate: (raw: unknown, url: URL, now: number) => Validation<T>,
      answer: (ctx: AnswerContext, request: T) => unknown,
    ): RouteHandler =>
    ({ req, url, body }) => {
      authorize(req, url);
      const raw = parseJsonBody(body);
      const ctx = deps.context();
      const v = validate(raw, url, ctx.now);
      if (!v.ok) throw new HttpError(400, v.issues.map((i) => i.message).join(' '), CODE.validation);
      return { status: 200, body: answer(ctx, v.value) };
    };

  return {
    csds: ({ match, csdsBase }) => {
      if (match.detail === undefined) return { status: 200, body: csdsAll(accountId, csdsBase) };
      const entry = csdsEntry(accountId, match.detail, csdsBase);
      if (!entry) throw new HttpError(404, `Unknown service '${match.detail}'.`, CODE.notFound);
      return { status: 200, body: entry };
    },
    skills: accountConfig('skills'),
    agentGroups: accountConfig('agentGroups'),
    metrics: workspaceApi(
      (raw, url, now) => validateKmmRequest(pagedRequest(raw, url), now),
      (ctx, request) => answerMetrics(ctx, request, deps.allShape),
    ),
    agentView: workspaceApi(
      (raw, url, now) => validateAgentViewRequest(pagedRequest(raw, url), now),
      answerAgentView,
    ),
    historical: workspaceApi(
      (raw, url, now) => validateHistoricalRequest({ body: raw, interval: queryParam(url, 'interval') }, now),
      answerHistorical,
    ),
    login: ({ body }) => loginService.login(parseJsonBody(body)),
    refresh: ({ req, body }) =>
      loginService.refresh(parseJsonBody(body), bearerOf(req), cookieOf(req, 'session_id')),
    token: ({ req, body }) => deps.tokenService.token(req.headers['content-type'], body),
  };
}
