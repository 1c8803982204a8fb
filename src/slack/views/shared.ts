/** The line on a report someone shared to the channel, and the note on the asker's own copy. */
import type { ContextBlock } from '@slack/types';
import { context } from './blocks';

/** Slack user ids only: anything else is not mentioned (it could be markup). */
const USER_ID = /^[UW][A-Z0-9]{1,20}$/;

/** "Shared by @user" under the copy everyone sees. */
export function sharedByBlock(userId: string): ContextBlock {
  return context([
    USER_ID.test(userId) ? `:busts_in_silhouette: Shared by <@${userId}>` : ':busts_in_silhouette: Shared',
  ]);
}

/** Under the asker's private copy once it was shared. */
export function sharedNoteBlock(): ContextBlock {
  return context([':white_check_mark: You shared this to the channel.']);
}
