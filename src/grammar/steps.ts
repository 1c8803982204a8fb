/**
 * The shape both command parsers share: one left-to-right pass over the tokens, each step
 * consuming some and saying where the next starts, the first problem ending the pass.
 */
import type { ParsedCommand, UsageError } from '../domain/query';
import type { Token } from './tokenize';

/** Where the next step starts, or the problem that ends the pass. */
export type Step = { next: number } | UsageError;

/** Runs `step` from the first token to the last, then `finish`; a usage error stops it. */
export function walkTokens(
  count: number,
  step: (i: number) => Step,
  finish: () => ParsedCommand,
): ParsedCommand {
  let i = 0;
  while (i < count) {
    const s = step(i);
    if ('kind' in s) return s;
    i = s.next;
  }
  return finish();
}

/** The lower-cased word at `j`, or undefined past the end or on a non-word token. */
export function wordKeyAt(tokens: readonly Token[], j: number): string | undefined {
  const t = tokens[j];
  return t?.type === 'word' ? t.key : undefined;
}
