import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  Select,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { Strings } from "../i18n/strings";
import type { DrawGroup } from "../model";

const useStyles = makeStyles({
  fields: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

/** Props of {@link DrawDialog}. */
export interface DrawDialogProps {
  strings: Strings;
  group: DrawGroup;
  open: boolean;
  onCancel: () => void;
  /** The group's sheet rows and their lot numbers 1…n, in the same order. */
  onSubmit: (rows: number[], order: number[]) => void;
}

/** A dialog to record the draw order of a tied group: a lot number per candidate, each once. */
export function DrawDialog({ strings, group, open, onCancel, onSubmit }: DrawDialogProps) {
  const styles = useStyles();
  const n = group.candidates.length;
  const [lots, setLots] = useState<number[]>(() => group.candidates.map((_, i) => i + 1));
  const duplicate = new Set(lots).size !== lots.length;
  const options = Array.from({ length: n }, (_, i) => i + 1);
  return (
    <Dialog open={open} modalType="modal" onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface aria-describedby="draw-text">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!duplicate)
              onSubmit(
                group.candidates.map((c) => c.row),
                lots
              );
          }}
        >
          <DialogBody>
            <DialogTitle>{strings.drawDialogTitle}</DialogTitle>
            <DialogContent className={styles.fields}>
              <p id="draw-text">{strings.drawDialogText(group.from, group.to)}</p>
              {group.candidates.map((c, i) => (
                <Field
                  key={c.row}
                  label={strings.drawLotFor(c.name)}
                  validationState={duplicate ? "error" : "none"}
                  validationMessage={duplicate ? strings.drawDuplicate : undefined}
                >
                  <Select
                    value={String(lots[i])}
                    onChange={(_, data) =>
                      setLots(lots.map((lot, j) => (j === i ? Number(data.value) : lot)))
                    }
                  >
                    {options.map((o) => (
                      <option key={o} value={o}>
                        {o}
                      </option>
                    ))}
                  </Select>
                </Field>
              ))}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={duplicate}>
                {strings.drawSave}
              </Button>
              <Button onClick={onCancel}>{strings.drawCancel}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
