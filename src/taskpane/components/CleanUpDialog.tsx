import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import type { Strings } from "../i18n/strings";

/** Props of {@link CleanUpDialog}. */
export interface CleanUpDialogProps {
  strings: Strings;
  open: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}

/** Asks before cleaning up personal data: it cannot be undone in Excel. */
export function CleanUpDialog({ strings, open, onCancel, onConfirm }: CleanUpDialogProps) {
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface aria-describedby="clean-up-text">
        <DialogBody>
          <DialogTitle>{strings.cleanUpConfirmTitle}</DialogTitle>
          <DialogContent>
            <p id="clean-up-text">{strings.cleanUpConfirmText}</p>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              {strings.cleanUpConfirm}
            </Button>
            <Button onClick={onCancel}>{strings.cleanUpCancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
