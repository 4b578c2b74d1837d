/** The pane's page layout, shared by every top-level view. */
import { makeStyles, tokens } from "@fluentui/react-components";

/**
 * The page's root: a column with Fluent's spacing and the theme's colours.
 *
 * @example
 * const styles = usePaneStyles();
 * <main className={styles.root}>…</main>
 */
export const usePaneStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
});
