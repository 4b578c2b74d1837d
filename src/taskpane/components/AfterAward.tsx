import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import type { Strings } from "../i18n/strings";
import type { Busy, PrivacyView } from "../model";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

/** Props of {@link AfterAward}. */
export interface AfterAwardProps {
  strings: Strings;
  busy: Busy;
  privacy: PrivacyView | null;
  onShare: () => void;
  /** Asks to clean up (the pane confirms first). */
  onCleanUp: () => void;
}

/**
 * What comes after scoring: "Delen met gemeente", and "Persoonsgegevens opschonen"
 * with the reminder once the request closed more than 4 weeks ago and something is left.
 */
export function AfterAward({ strings, busy, privacy, onShare, onCleanUp }: AfterAwardProps) {
  const styles = useStyles();
  const remind = privacy !== null && privacy.due && privacy.pending !== 0;
  const running =
    busy === "share" ? strings.sharing : busy === "cleanUp" ? strings.cleaningUp : null;
  return (
    <section className={styles.root} aria-labelledby="after-heading">
      <Subtitle2 as="h2" id="after-heading">
        {strings.afterHeading}
      </Subtitle2>
      {remind && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{strings.privacyReminderTitle}</MessageBarTitle>
            {strings.privacyReminder(strings.formatDate(privacy.closed))}
          </MessageBarBody>
        </MessageBar>
      )}
      <Body1>{strings.shareHint}</Body1>
      <Button disabled={busy !== null} onClick={onShare}>
        {strings.shareAction}
      </Button>
      <Body1>{strings.cleanUpHint}</Body1>
      <Button
        appearance={remind ? "primary" : "secondary"}
        disabled={busy !== null}
        onClick={onCleanUp}
      >
        {strings.cleanUpAction}
      </Button>
      {running && (
        <div role="status">
          <Body1>{running}</Body1>
          <ProgressBar aria-label={running} />
        </div>
      )}
    </section>
  );
}
