/**
 * Whose conversations a report, a button or a digest counts: its own module because queries and
 * digests both carry it, and digest commands are among the commands a query module names.
 */

/** Whose conversations: only human agents, only bots; undefined is both together. */
export const AUDIENCES = ['humans', 'bots'] as const;
export type Audience = (typeof AUDIENCES)[number];
