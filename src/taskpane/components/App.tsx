import { Body1, makeStyles, Subtitle1, tokens } from "@fluentui/react-components";
import type { Strings } from "../i18n/strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
});

/** Props of {@link App}: the texts to show and whether Excel is the host. */
export interface AppProps {
  strings: Strings;
  inExcel: boolean;
}

/** The task pane's root: the product's name and what it does (later issues add the procedure). */
export function App({ strings, inExcel }: AppProps) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Subtitle1 as="h1">{strings.appTitle}</Subtitle1>
      <Body1>{inExcel ? strings.tagline : strings.notInExcel}</Body1>
    </main>
  );
}
