import { LivePersonInvalidRequestError } from '../../../liveperson/client/errors';

/** A button whose value no longer decodes (an older version of the bot made it). */
export function staleButton(): Error {
  return new LivePersonInvalidRequestError('That button is from an older message; run the command again.');
}
