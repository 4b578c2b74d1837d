import { Body1, Button, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import type { Strings } from "../i18n/strings";
import type { Busy } from "../model";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

/** Props of {@link ScoreAction}. */
export interface ScoreActionProps {
  strings: Strings;
  busy: Busy;
  /** Shows the hint to enter candidates (before the first scoring). */
  showHint: boolean;
  onScore: () => void;
}

/** "Controleren en beoordelen", with a progress bar while a scoring (or a draw) runs. */
export function ScoreAction({ strings, busy, showHint, onScore }: ScoreActionProps) {
  const styles = useStyles();
  const running = busy === "score" || busy === "draw";
  const label = busy === "draw" ? strings.recordingDraw : strings.scoring;
  return (
    <section className={styles.root} aria-label={strings.scoreAction}>
      {showHint && <Body1>{strings.scoreHint}</Body1>}
      <Button appearance="primary" disabled={busy !== null} onClick={onScore}>
        {strings.scoreAction}
      </Button>
      {running && (
        <div role="status">
          <Body1>{label}</Body1>
          <ProgressBar aria-label={label} />
        </div>
      )}
    </section>
  );
}
