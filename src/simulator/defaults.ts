/** The fixed synthetic account's defaults; the CLI prints them. */
import type { LoginCredentials, OAuthCredentials } from '../liveperson/client/auth';
import type { ClientCredentials } from '../liveperson/client/client-credentials';

export const DEFAULT_ACCOUNT_ID = '13350576';
export const DEFAULT_SEED = 42;
/** The CLI's port when neither --port nor SIM_PORT is given. */
export const DEFAULT_PORT = 4010;
export const DEFAULT_OAUTH: OAuthCredentials = {
  appKey: 'sim-app-key',
  appSecret: 'sim-app-secret',
  accessToken: 'sim-access-token',
  accessTokenSecret: 'sim-access-token-secret',
};
export const DEFAULT_CLIENT_CREDENTIALS: ClientCredentials = {
  clientId: 'sim-client-id',
  clientSecret: 'sim-client-secret',
};
export const DEFAULT_LOGIN: LoginCredentials = { username: 'lead@example.com', password: 'sim-password' };

/**
 * The LP_* variables that point a bot at a simulator as at a real account: found through its CSDS,
 * signed with DEFAULT_OAUTH's API key. Tests and benchmarks drive the account path with it.
 */
export function apiKeyAccountEnv(accountId: string, csdsUrl: string): Record<string, string> {
  return {
    LP_ACCOUNT_ID: accountId,
    LP_CSDS_URL: csdsUrl,
    LP_APP_KEY: DEFAULT_OAUTH.appKey,
    LP_APP_SECRET: DEFAULT_OAUTH.appSecret,
    LP_ACCESS_TOKEN: DEFAULT_OAUTH.accessToken,
    LP_ACCESS_TOKEN_SECRET: DEFAULT_OAUTH.accessTokenSecret,
  };
}
