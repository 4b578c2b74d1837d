import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons/svg/dismiss";
import type { Strings } from "../i18n/strings";
import type { PaneError } from "../model";
import { ProblemList } from "./Problems";

/** Props of {@link ErrorBar}. */
export interface ErrorBarProps {
  strings: Strings;
  error: PaneError;
  onSelect: (sheet: string, cell: string) => void;
  onDismiss: () => void;
}

/** An error of the workbook or Office: what went wrong, what to do, and the cells to fix. */
export function ErrorBar({ strings, error, onSelect, onDismiss }: ErrorBarProps) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{strings.errorTitle}</MessageBarTitle>
        <div>{error.message}</div>
        <div>{error.hint}</div>
        <ProblemList
          strings={strings}
          problems={error.problems}
          onSelect={onSelect}
          heading={false}
        />
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            aria-label={strings.dismiss}
            icon={<DismissRegular />}
            onClick={onDismiss}
          />
        }
      />
    </MessageBar>
  );
}
