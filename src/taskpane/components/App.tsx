import {
  Body1,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Subtitle1,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons/svg/dismiss";
import { lazy, Suspense, useState } from "react";
import type { Strings } from "../i18n/strings";
import type { DrawGroup, PaneState, PresetView } from "../model";
import { AfterAward } from "./AfterAward";
import { CvIntake } from "./CvIntake";
import { ErrorBar } from "./ErrorBar";
import { NotSetUp } from "./NotSetUp";
import { usePaneStyles } from "./paneStyles";
import { ProblemList } from "./Problems";
import { RequestSummary } from "./RequestSummary";
import { Results } from "./Results";
import { ScoreAction } from "./ScoreAction";

// Only recording a draw and cleaning up need a dialog: each loads when the evaluator opens it.
const DrawDialog = lazy(() => import("./DrawDialog").then((m) => ({ default: m.DrawDialog })));
const CleanUpDialog = lazy(() =>
  import("./CleanUpDialog").then((m) => ({ default: m.CleanUpDialog }))
);

/** What the evaluator can do in the pane; the controller runs each against Excel. */
export interface PaneActions {
  setUp: (presetOrBlank: string) => void;
  score: () => void;
  recordDraw: (rows: number[], order: number[], names?: string[]) => void;
  selectCell: (sheet: string, cell: string) => void;
  /** Selects the `Aanvraag` sheet. */
  editRequest: () => void;
  /** "Delen met gemeente". */
  share: () => void;
  /** "Persoonsgegevens opschonen" (after the evaluator confirmed). */
  cleanUp: () => void;
  dismissError: () => void;
  dismissNotice: () => void;

  // CV intake (issue 20).
  /** Reads dropped or chosen CV files (in the pane: nothing leaves the computer) and proposes. */
  addCvFiles: (files: File[]) => void;
  /** Sets whose CV a file is (a name of `Kandidaten`, or null) and proposes again. */
  setCvCandidate: (id: number, candidate: string | null) => void;
  removeCvFile: (id: number) => void;
  /** Ticks or unticks one proposal (a blocked one stays unticked). */
  toggleCvProposal: (key: string, checked: boolean) => void;
  /** "Overnemen": applies the ticked proposals in one batch. */
  applyCvProposals: () => void;
  /** Forgets the files and proposals. */
  clearCv: () => void;
}

/** Props of {@link App}. */
export interface AppProps {
  strings: Strings;
  /** False outside Excel (a browser): the pane says where it works. */
  inExcel: boolean;
  state: PaneState;
  presets: PresetView[];
  blankId: string;
  actions: PaneActions;
}

/** The task pane: the evaluator's procedure from set-up to the top ten and the draw. */
export function App({ strings, inExcel, state, presets, blankId, actions }: AppProps) {
  const styles = usePaneStyles();
  // The dialog stays mounted once opened, so Fluent can restore the page when it closes.
  const [drawGroup, setDrawGroup] = useState<DrawGroup | null>(null);
  const [drawOpen, setDrawOpen] = useState(false);
  const [cleanUpAsked, setCleanUpAsked] = useState(false);
  const [cleanUpOpen, setCleanUpOpen] = useState(false);
  const openDraw = (group: DrawGroup) => {
    setDrawGroup(group);
    setDrawOpen(true);
  };
  const busy = state.busy !== null;
  return (
    <main className={styles.root}>
      <Subtitle1 as="h1">{strings.appTitle}</Subtitle1>
      {!inExcel ? (
        <Body1>{strings.notInExcel}</Body1>
      ) : (
        <>
          {state.error && (
            <ErrorBar
              strings={strings}
              error={state.error}
              onSelect={actions.selectCell}
              onDismiss={actions.dismissError}
            />
          )}
          {state.phase === "loading" && <Spinner size="small" label={strings.loading} />}
          {state.phase === "notSetUp" && (
            <>
              <NotSetUp
                strings={strings}
                presets={presets}
                blankId={blankId}
                busy={busy}
                onSetUp={actions.setUp}
              />
              {state.busy === "setUp" && <Spinner size="small" label={strings.settingUp} />}
            </>
          )}
          {state.phase === "ready" && (
            <>
              {state.request && (
                <RequestSummary
                  strings={strings}
                  request={state.request}
                  onEditRequest={actions.editRequest}
                />
              )}
              <CvIntake
                strings={strings}
                busy={state.busy}
                request={state.request}
                cv={state.cv}
                actions={actions}
              />
              <ScoreAction
                strings={strings}
                busy={state.busy}
                showHint={!state.results}
                onScore={actions.score}
              />
              {state.notes.map((note) => (
                <Body1 key={note}>{note}</Body1>
              ))}
              {state.results && (
                <Results
                  strings={strings}
                  results={state.results}
                  busy={busy}
                  onOpenDraw={openDraw}
                />
              )}
              <ProblemList
                strings={strings}
                problems={state.problems}
                onSelect={actions.selectCell}
              />
              <AfterAward
                strings={strings}
                busy={state.busy}
                privacy={state.privacy}
                onShare={actions.share}
                onCleanUp={() => {
                  setCleanUpAsked(true);
                  setCleanUpOpen(true);
                }}
              />
              {state.notice && (
                <MessageBar intent="success" layout="multiline">
                  <MessageBarBody>{state.notice}</MessageBarBody>
                  <MessageBarActions
                    containerAction={
                      <Button
                        appearance="transparent"
                        aria-label={strings.dismiss}
                        icon={<DismissRegular />}
                        onClick={actions.dismissNotice}
                      />
                    }
                  />
                </MessageBar>
              )}
            </>
          )}
          {cleanUpAsked && (
            <Suspense fallback={<Spinner size="small" label={strings.loading} />}>
              <CleanUpDialog
                strings={strings}
                open={cleanUpOpen}
                onCancel={() => setCleanUpOpen(false)}
                onConfirm={() => {
                  setCleanUpOpen(false);
                  actions.cleanUp();
                }}
              />
            </Suspense>
          )}
          {drawGroup && (
            <Suspense fallback={<Spinner size="small" label={strings.loading} />}>
              <DrawDialog
                key={drawGroup.candidates.map((c) => c.row).join("-")}
                strings={strings}
                group={drawGroup}
                open={drawOpen}
                onCancel={() => setDrawOpen(false)}
                onSubmit={(rows, order) => {
                  setDrawOpen(false);
                  actions.recordDraw(
                    rows,
                    order,
                    rows.map((row) => drawGroup.candidates.find((c) => c.row === row)?.name ?? "")
                  );
                }}
              />
            </Suspense>
          )}
        </>
      )}
    </main>
  );
}
