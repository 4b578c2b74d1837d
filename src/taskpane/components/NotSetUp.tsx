import { Body1, Button, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import type { Strings } from "../i18n/strings";
import type { PresetView } from "../model";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

/** Props of {@link NotSetUp}. */
export interface NotSetUpProps {
  strings: Strings;
  presets: PresetView[];
  /** The id of the blank request (`blanco`). */
  blankId: string;
  /** True while a set-up runs: the buttons are disabled. */
  busy: boolean;
  onSetUp: (presetOrBlank: string) => void;
}

/** A workbook without a request: start from a preset or a blank request. */
export function NotSetUp({ strings, presets, blankId, busy, onSetUp }: NotSetUpProps) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="not-set-up-title">
      <Subtitle2 as="h2" id="not-set-up-title">
        {strings.notSetUpTitle}
      </Subtitle2>
      <Body1>{strings.notSetUpText}</Body1>
      {presets.map((p) => (
        <Button key={p.id} appearance="primary" disabled={busy} onClick={() => onSetUp(p.id)}>
          {strings.startFromPreset(p.id, p.title)}
        </Button>
      ))}
      <Button disabled={busy} onClick={() => onSetUp(blankId)}>
        {strings.startBlank}
      </Button>
    </section>
  );
}
