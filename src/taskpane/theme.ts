/** The pane's look from Office: light or dark theme, Dutch or English. */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/**
 * Whether Office's body background (a hex colour) is dark.
 *
 * @example
 * isDark("#1f1f1f"); // true
 * isDark("#ffffff"); // false
 */
export function isDark(background: string | undefined): boolean {
  const hex = background?.replace("#", "");
  if (!hex || hex.length !== 6) return false;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return 0.299 * r + 0.587 * g + 0.114 * b < 128;
}

/**
 * The Fluent theme for Office's theme: dark when its body background is dark.
 *
 * @example
 * themeFor({ bodyBackgroundColor: "#262626" }) === webDarkTheme; // true
 */
export function themeFor(officeTheme: { bodyBackgroundColor?: string } | undefined): Theme {
  return isDark(officeTheme?.bodyBackgroundColor) ? webDarkTheme : webLightTheme;
}
