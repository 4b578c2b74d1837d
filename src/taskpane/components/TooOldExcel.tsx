/** The pane in an Excel that lacks what the add-in needs: what is missing, instead of actions that would fail. */
import { MessageBar, MessageBarBody, MessageBarTitle, Subtitle1 } from "@fluentui/react-components";
import type { Strings } from "../i18n/strings";
import { formatSet, type RequirementSet } from "../requirements";
import { usePaneStyles } from "./paneStyles";

/** Props of {@link TooOldExcel}. */
export interface TooOldExcelProps {
  strings: Strings;
  /** The requirement sets this Excel does not support. */
  missing: RequirementSet[];
}

/**
 * Says which requirement sets are missing, in the pane's language.
 *
 * @example
 * <TooOldExcel strings={nl} missing={[{ name: "ExcelApi", version: "1.9" }]} />
 */
export function TooOldExcel({ strings, missing }: TooOldExcelProps) {
  const styles = usePaneStyles();
  return (
    <main className={styles.root}>
      <Subtitle1 as="h1">{strings.appTitle}</Subtitle1>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{strings.tooOldTitle}</MessageBarTitle>
          {strings.tooOld(missing.map(formatSet))}
        </MessageBarBody>
      </MessageBar>
    </main>
  );
}
