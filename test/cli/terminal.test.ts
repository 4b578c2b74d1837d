/** A user's text made safe for the terminal: control characters shown as escapes, the rest untouched. */
import { terminalText } from "../../src/cli/terminal";

test.each([
  ["Jan\u001b[31mRood", "Jan\\u001b[31mRood"],
  ["a\u0000b\u007fc\u009bd", "a\\u0000b\\u007fc\\u009bd"],
  ["r\u202eevil\u2066", "r\\u202eevil\\u2066"],
  ["regel 1\nregel 2\tmet tab", "regel 1\nregel 2\tmet tab"],
  ["Jérôme € 72,50 — ok", "Jérôme € 72,50 — ok"],
])("%j → %j", (text, shown) => {
  expect(terminalText(text)).toBe(shown);
  // Idempotent: a line printed twice through the helper reads the same.
  expect(terminalText(terminalText(text))).toBe(shown);
});

test("JSON printed through it still parses to the same text", () => {
  const value = { name: "Jan\u009b2J\u202e\u001b" };
  expect(JSON.parse(terminalText(JSON.stringify(value)))).toEqual(value);
});
