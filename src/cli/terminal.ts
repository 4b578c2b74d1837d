/**
 * A user's text made safe for the terminal. Names, suppliers, titles and values come
 * from the workbook, where `_x001B_` is an escape character (ESC): printed raw, a
 * name like `_x001B_]0;…` retitles the window, clears the screen or hides the lines
 * after it. Every line the command prints goes through {@link terminalText}.
 */

/**
 * C0 controls but tab and newline, DEL, C1 controls (`\u009b` is a one-byte CSI), and the
 * bidirectional overrides and isolates that reorder what a reader sees (U+202A–U+202E, U+2066–U+2069).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The text with every control character shown as its escape (`\u001b`), visibly and
 * harmlessly. Idempotent; inside a JSON string the escape is the same character, so
 * JSON printed to the terminal stays the same data.
 *
 * @example
 * terminalText("Jan\u001b[2J"); // "Jan\\u001b[2J"
 */
export function terminalText(text: string): string {
  return text.replace(unsafe, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
