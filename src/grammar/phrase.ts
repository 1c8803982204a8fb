/**
 * The canonical way to ask for a window: "last 4h", "since 08:00 yesterday", "today". Messages
 * quote it back ("Use one time phrase, not two: …") and report headers label their window with it.
 */
import type { WindowSpec } from '../domain/window';
import { durationLabel } from './time-words';

/** "08:05": a wall-clock time as the grammar writes it. */
export function formatClock(hour: number, minute: number): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/**
 * The phrase that asks for `spec`. `day` is where an automatic `since` actually started (its
 * resolution may roll it to yesterday), so a label reads as what was counted.
 */
export function windowPhrase(spec: WindowSpec, day?: 'today' | 'yesterday'): string {
  switch (spec.kind) {
    case 'last':
      return `last ${durationLabel(spec.ms)}`;
    case 'since': {
      const yesterday = spec.day === 'yesterday' || day === 'yesterday';
      return `since ${formatClock(spec.hour, spec.minute)}${yesterday ? ' yesterday' : ''}`;
    }
    case 'today':
    case 'yesterday':
      return spec.kind;
    case 'shift':
      return `${durationLabel(spec.ms)} shift to ${formatClock(spec.hour, spec.minute)}`;
  }
}
