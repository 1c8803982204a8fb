/** CSDS domain discovery: every service the bot needs points back at the simulator itself. */

export const CSDS_SERVICES = [
  'agentManagerWorkspace',
  'accountConfigReadOnly',
  'agentVep',
  'sentinel',
] as const;

export interface BaseUri {
  service: string;
  account: string;
  baseURI: string;
}

/** One service's entry, or undefined when the name is unknown (names are case-sensitive). */
export function csdsEntry(accountId: string, service: string, baseUrl: string): BaseUri | undefined {
  if (!(CSDS_SERVICES as readonly string[]).includes(service)) return undefined;
  return { service, account: accountId, baseURI: baseUrl };
}

/** The answer without a service name: every entry. */
export function csdsAll(accountId: string, baseUrl: string): { baseURIs: BaseUri[] } {
  return { baseURIs: CSDS_SERVICES.map((service) => ({ service, account: accountId, baseURI: baseUrl })) };
}
