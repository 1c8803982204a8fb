/**
 * The emoji shortcodes the bot writes, for the sandbox page. Each has its Unicode emoji and a
 * monochrome symbol that common text fonts (DejaVu, which the demo already ships for charts) carry:
 * the page uses the symbol when the browser has no colour emoji font, so a fresh Linux box shows
 * marks instead of empty boxes. Status circles are drawn as CSS dots whatever the fonts, because
 * their colour is the information. A test keeps this list in step with src/slack/views.
 */

export interface EmojiGlyph {
  emoji: string;
  /** Shown when no colour emoji font is present. */
  symbol: string;
}

/** Status circles: name → CSS colour of the dot drawn for it. */
export const MARK_COLOURS: Readonly<Record<string, string>> = {
  large_green_circle: '#2eb67d',
  large_yellow_circle: '#ecb22e',
  large_orange_circle: '#f2952f',
  red_circle: '#e01e5a',
  white_circle: '#ffffff',
};

export const EMOJI: Readonly<Record<string, EmojiGlyph>> = {
  large_green_circle: { emoji: '🟢', symbol: '●' },
  large_yellow_circle: { emoji: '🟡', symbol: '●' },
  large_orange_circle: { emoji: '🟠', symbol: '●' },
  red_circle: { emoji: '🔴', symbol: '●' },
  white_circle: { emoji: '⚪', symbol: '○' },
  grey_question: { emoji: '❔', symbol: '?' },
  robot_face: { emoji: '🤖', symbol: '⚙' },
  warning: { emoji: '⚠️', symbol: '⚠' },
  information_source: { emoji: 'ℹ️', symbol: 'ℹ' },
  hourglass_flowing_sand: { emoji: '⏳', symbol: '◔' },
  hourglass: { emoji: '⌛', symbol: '◕' },
  clock3: { emoji: '🕒', symbol: '◷' },
  calendar: { emoji: '📅', symbol: '▦' },
  white_check_mark: { emoji: '✅', symbol: '✔' },
  double_vertical_bar: { emoji: '⏸️', symbol: '‖' },
  arrow_forward: { emoji: '▶️', symbol: '▶' },
  wastebasket: { emoji: '🗑️', symbol: '✖' },
  lock: { emoji: '🔒', symbol: '⚿' },
  outbox_tray: { emoji: '📤', symbol: '⇪' },
  eyes: { emoji: '👀', symbol: '◉' },
  busts_in_silhouette: { emoji: '👥', symbol: '⚇' },
  thinking_face: { emoji: '🤔', symbol: '?' },
  mag: { emoji: '🔍', symbol: '⚲' },
  point_down: { emoji: '👇', symbol: '☟' },
  pause_button: { emoji: '⏸️', symbol: '‖' },
  raised_hand: { emoji: '✋', symbol: '☝' },
  bar_chart: { emoji: '📊', symbol: '▥' },
  x: { emoji: '❌', symbol: '✖' },
};
