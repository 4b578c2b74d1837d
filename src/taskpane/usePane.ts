/**
 * The pane's controller: runs the add-in's actions through an injected
 * {@link PaneApi} (src/office in Excel, a stub in tests) and turns their
 * outcomes and errors into the {@link PaneState} the components render.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Request } from "../engine";
import type { PaneActions } from "./components/App";
import type { Strings } from "./i18n/strings";
import {
  paneError,
  requestView,
  resultsView,
  type Busy,
  type CleanUpResult,
  type PaneState,
  type PrivacyView,
  type ProblemView,
  type ScoreResult,
  type ShareResult,
} from "./model";

/** The add-in's actions as the pane needs them; only the implementation touches Excel. */
export interface PaneApi {
  /** The request on the `Aanvraag` sheet and its problems; null when the workbook is not set up. */
  readRequest: () => Promise<{
    request: Request;
    problems: ProblemView[];
    privacy: PrivacyView;
  } | null>;
  setUp: (presetOrBlank: string) => Promise<unknown>;
  score: () => Promise<ScoreResult>;
  /** Records the lots `order` for sheet `rows`, which hold the candidates `names` (as the pane showed them). */
  recordDraw: (rows: number[], order: number[], names?: string[]) => Promise<ScoreResult>;
  selectCell: (sheet: string, cell: string) => Promise<void>;
  /** Selects the `Aanvraag` sheet. */
  showRequest: () => Promise<void>;
  /** Builds the workbook for the municipality and opens it in Excel. */
  share: () => Promise<ShareResult>;
  /** Pseudonymises the candidates outside the top and clears their work history. */
  cleanUp: () => Promise<CleanUpResult>;
  /**
   * Calls `listener` each time the pane is shown again (with the long-lived runtime the page
   * is not reloaded, so the workbook may have changed while it was hidden); returns how to stop.
   */
  onShown?: (listener: () => void) => () => void;
}

/** The state a pane starts in, before the workbook is read. */
export const initialPaneState: PaneState = {
  phase: "loading",
  busy: null,
  request: null,
  results: null,
  problems: [],
  notes: [],
  privacy: null,
  notice: null,
  error: null,
};

/**
 * Holds the pane's state and gives the actions that change it.
 *
 * @example
 * const { state, actions } = usePane(officeApi, strings);
 * actions.score(); // state.busy === "score", then state.results
 */
export function usePane(
  api: PaneApi,
  strings: Strings
): { state: PaneState; actions: PaneActions } {
  const [state, setState] = useState<PaneState>(initialPaneState);
  const running = useRef(false);

  const fail = useCallback(
    (error: unknown) => setState((s) => ({ ...s, busy: null, error: paneError(error, strings) })),
    [strings]
  );

  /** Reads the request again; results on screen keep their problems, and say they may be stale when `shown`. */
  const load = useCallback(
    async (shown = false) => {
      const read = await api.readRequest();
      setState((s) => {
        if (!read) return { ...s, phase: "notSetUp", request: null, privacy: null, results: null };
        const kept = s.results !== null;
        return {
          ...s,
          phase: "ready",
          request: requestView(read.request),
          problems: kept ? s.problems : read.problems,
          privacy: read.privacy,
          notice: kept && shown ? strings.resultsMayBeStale : s.notice,
        };
      });
    },
    [api, strings]
  );

  useEffect(() => {
    load().catch((error) => {
      fail(error);
      setState((s) => (s.phase === "loading" ? { ...s, phase: "notSetUp" } : s));
    });
  }, [load, fail]);

  // Shown again: read the workbook again (not while an action runs: it reads for itself).
  useEffect(
    () =>
      api.onShown?.(() => {
        if (!running.current) load(true).catch(fail);
      }),
    [api, load, fail]
  );

  /** Runs one action at a time; a second click while one runs does nothing. */
  const run = useCallback(
    (busy: Busy, action: () => Promise<void>) => {
      if (running.current) return;
      running.current = true;
      setState((s) => ({ ...s, busy, error: null, notice: null }));
      action()
        .then(() => setState((s) => ({ ...s, busy: null })))
        .catch(fail)
        .finally(() => {
          running.current = false;
        });
    },
    [fail]
  );

  const scored = useCallback((outcome: ScoreResult) => {
    setState((s) => ({
      ...s,
      phase: "ready",
      request: requestView(outcome.request),
      results: resultsView(outcome),
      problems: outcome.problems,
      notes: outcome.notes,
      privacy: outcome.privacy ?? s.privacy,
    }));
  }, []);

  const actions = useMemo<PaneActions>(
    () => ({
      setUp: (presetOrBlank) =>
        run("setUp", async () => {
          await api.setUp(presetOrBlank);
          await load();
        }),
      score: () => run("score", async () => scored(await api.score())),
      recordDraw: (rows, order, names) =>
        run("draw", async () => scored(await api.recordDraw(rows, order, names))),
      selectCell: (sheet, cell) => {
        api.selectCell(sheet, cell).catch(fail);
      },
      editRequest: () => {
        api.showRequest().catch(fail);
      },
      share: () =>
        run("share", async () => {
          const shared = await api.share();
          setState((s) => ({ ...s, notice: strings.shareDone(shared.top) }));
          await load();
        }),
      cleanUp: () =>
        run("cleanUp", async () => {
          const done = await api.cleanUp();
          const notice = [
            done.pseudonyms + done.clearedPeriods === 0
              ? strings.cleanUpNothing
              : strings.cleanUpDone(done.pseudonyms, done.clearedPeriods, done.kept),
            // What the clean-up could not vouch for (Dutch, from the workbook layer).
            ...(done.warnings ?? []),
          ].join(" ");
          setState((s) => ({ ...s, notice }));
          await load();
        }),
      dismissError: () => setState((s) => ({ ...s, error: null })),
      dismissNotice: () => setState((s) => ({ ...s, notice: null })),
    }),
    [api, run, load, scored, fail, strings]
  );

  return { state, actions };
}
