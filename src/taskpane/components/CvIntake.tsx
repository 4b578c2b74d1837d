import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons/svg/dismiss";
import { DocumentArrowUpRegular } from "@fluentui/react-icons/svg/document-arrow-up";
import { useEffect, useId, useRef, useState, type DragEvent } from "react";
import type { CvProposal } from "../../engine";
import type { Strings } from "../i18n/strings";
import type { Busy, CvIntakeView, CvReviewItem, RequestView } from "../model";
import type { PaneActions } from "./App";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  drop: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  dropping: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  files: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  file: { display: "flex", alignItems: "flex-end", columnGap: tokens.spacingHorizontalS },
  fileField: { flexGrow: 1, minWidth: 0 },
  items: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  detail: {
    display: "flex",
    flexDirection: "column",
    paddingLeft: "32px",
    color: tokens.colorNeutralForeground2,
  },
  quote: { fontStyle: "italic", overflowWrap: "anywhere" },
  blocked: { color: tokens.colorPaletteDarkOrangeForeground1 },
  apply: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalM },
  hidden: { display: "none" },
});

/** Props of {@link CvIntake}. */
export interface CvIntakeProps {
  strings: Strings;
  busy: Busy;
  /** The request at a glance: the CV requirements' descriptions. */
  request: RequestView | null;
  cv: CvIntakeView;
  actions: Pick<
    PaneActions,
    | "addCvFiles"
    | "setCvCandidate"
    | "removeCvFile"
    | "toggleCvProposal"
    | "applyCvProposals"
    | "clearCv"
  >;
}

/** The proposal's one-line summary, in the pane's language (the values as the workbook takes them). */
function summary(strings: Strings, request: RequestView | null, p: CvProposal): string {
  if (p.kind === "requirement") {
    const description =
      [...(request?.cvRequirements ?? []), ...(request?.knockouts ?? [])].find((c) => c.id === p.id)
        ?.description ?? "";
    const value = typeof p.value === "number" ? strings.formatNumber(p.value) : p.value;
    return strings.cvRequirementValue(p.id, description, value);
  }
  if (p.kind === "period") return strings.cvPeriod(p.role, p.from, p.to);
  return strings.cvYes(p.ids, p.source === "education");
}

/** One proposal: its check box with the summary, then where it comes from, the note and why it is blocked. */
function ReviewItem({
  strings,
  request,
  item,
  disabled,
  onToggle,
}: {
  strings: Strings;
  request: RequestView | null;
  item: CvReviewItem;
  disabled: boolean;
  onToggle: (key: string, checked: boolean) => void;
}) {
  const styles = useStyles();
  const detailId = useId();
  const p = item.proposal;
  return (
    <li>
      <Checkbox
        label={summary(strings, request, p)}
        checked={item.checked}
        disabled={disabled || item.blocked !== null}
        aria-describedby={detailId}
        onChange={(_, data) => onToggle(item.key, data.checked === true)}
      />
      <div className={styles.detail} id={detailId}>
        {p.kind === "period" && <Caption1>{strings.cvCountsFor(p.countsFor)}</Caption1>}
        <Caption1>
          {strings.cvEvidence(p.evidence.file, p.evidence.page, p.evidence.line)}:{" "}
          <span className={styles.quote}>“{p.evidence.text}”</span>
        </Caption1>
        {p.note && <Caption1>{p.note}</Caption1>}
        {item.blocked !== null && (
          <Caption1 className={styles.blocked}>{strings.cvBlocked(item.blocked)}</Caption1>
        )}
      </div>
    </li>
  );
}

/**
 * "CV's inlezen": CV files dropped or chosen are read in the pane (nothing leaves the
 * computer); the evaluator picks each file's candidate (preselected when the file's name
 * names one), reviews each candidate's proposals with their evidence (file, page, line,
 * text) and note, and applies the ticked ones with "Overnemen". An unreadable file shows
 * the reader's Dutch message naming it and proposes nothing.
 */
export function CvIntake({ strings, busy, request, cv, actions }: CvIntakeProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [dropping, setDropping] = useState(false);
  // A file dropped beside the drop area must not make the web view open it (and lose the pane).
  useEffect(() => {
    const keep = (e: globalThis.DragEvent) => {
      if (Array.from(e.dataTransfer?.types ?? []).includes("Files")) e.preventDefault();
    };
    window.addEventListener("dragover", keep);
    window.addEventListener("drop", keep);
    return () => {
      window.removeEventListener("dragover", keep);
      window.removeEventListener("drop", keep);
    };
  }, []);
  const disabled = busy !== null;
  const items = cv.reviews.flatMap((r) => r.items);
  const checked = items.filter((i) => i.checked && i.blocked === null).length;
  const running =
    busy === "cvRead" ? strings.cvReading : busy === "cvApply" ? strings.cvApplying : null;

  const add = (files: FileList | null) => {
    if (files && files.length > 0 && !disabled) actions.addCvFiles([...files]);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDropping(false);
    add(e.dataTransfer.files);
  };
  return (
    <section className={styles.root} aria-labelledby="cv-heading">
      <Subtitle2 as="h2" id="cv-heading">
        {strings.cvHeading}
      </Subtitle2>
      <div
        className={dropping ? `${styles.drop} ${styles.dropping}` : styles.drop}
        data-testid="cv-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setDropping(true);
        }}
        onDragLeave={() => setDropping(false)}
        onDrop={onDrop}
      >
        <Body1>{strings.cvHint}</Body1>
        <Button
          icon={<DocumentArrowUpRegular />}
          disabled={disabled}
          onClick={() => input.current?.click()}
        >
          {strings.cvChoose}
        </Button>
        <Caption1>{strings.cvDrop}</Caption1>
        <input
          ref={input}
          className={styles.hidden}
          type="file"
          multiple
          accept=".pdf,.docx,.doc,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          aria-label={strings.cvChoose}
          tabIndex={-1}
          onChange={(e) => {
            add(e.target.files);
            e.target.value = ""; // the same file may be chosen again
          }}
        />
      </div>
      {cv.files.length > 0 && cv.candidates.length === 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{strings.cvNoCandidates}</MessageBarBody>
        </MessageBar>
      )}
      {cv.files.length > 0 && (
        <ul className={styles.files}>
          {cv.files.map((f) => (
            <li key={f.id}>
              <div className={styles.file}>
                {f.status === "unreadable" ? (
                  <MessageBar intent="error" layout="multiline" className={styles.fileField}>
                    <MessageBarBody>{f.message}</MessageBarBody>
                  </MessageBar>
                ) : (
                  <Field label={strings.cvCandidateFor(f.file)} className={styles.fileField}>
                    <Select
                      value={f.candidate ?? ""}
                      disabled={disabled}
                      onChange={(_, data) => actions.setCvCandidate(f.id, data.value || null)}
                    >
                      <option value="">{strings.cvPickCandidate}</option>
                      {cv.candidates.map((name) => (
                        <option key={name} value={name}>
                          {name}
                        </option>
                      ))}
                    </Select>
                  </Field>
                )}
                <Button
                  appearance="subtle"
                  icon={<DismissRegular />}
                  aria-label={strings.cvRemoveFile(f.file)}
                  disabled={disabled}
                  onClick={() => actions.removeCvFile(f.id)}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
      {cv.reviews.length > 0 && <Body1>{strings.cvReviewHint}</Body1>}
      {cv.reviews.map((review, r) => (
        <section key={review.candidate} aria-labelledby={`cv-review-${r}`}>
          <Subtitle2 as="h3" id={`cv-review-${r}`}>
            {strings.cvProposalsFor(review.candidate)}
          </Subtitle2>
          {review.items.length === 0 ? (
            <Body1>{strings.cvNoProposals}</Body1>
          ) : (
            <ul className={styles.items}>
              {review.items.map((item) => (
                <ReviewItem
                  key={item.key}
                  strings={strings}
                  request={request}
                  item={item}
                  disabled={disabled}
                  onToggle={actions.toggleCvProposal}
                />
              ))}
            </ul>
          )}
        </section>
      ))}
      {items.length > 0 && (
        <div className={styles.apply}>
          <Button
            appearance="primary"
            disabled={disabled || checked === 0}
            onClick={actions.applyCvProposals}
          >
            {strings.cvApply}
          </Button>
          <Body1>{strings.cvChecked(checked, items.length)}</Body1>
        </div>
      )}
      {cv.files.length > 0 && (
        <Button appearance="subtle" disabled={disabled} onClick={actions.clearCv}>
          {strings.cvClear}
        </Button>
      )}
      {running && (
        <div role="status">
          <Body1>{running}</Body1>
          <ProgressBar aria-label={running} />
        </div>
      )}
    </section>
  );
}
