/**
 * The pane's controller: runs the add-in's actions through an injected
 * {@link PaneApi} (src/office in Excel, a stub in tests) and turns their
 * outcomes and errors into the {@link PaneState} the components render.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { candidateOfFile, type CandidateProposals, type CvDocument, type Request } from "../engine";
import type { PaneActions } from "./components/App";
import type { Strings } from "./i18n/strings";
import {
  chosenOf,
  emptyCvIntake,
  paneError,
  reviewOf,
  requestView,
  resultsView,
  type Busy,
  type CleanUpResult,
  type CvApplyResult,
  type CvCheck,
  type CvFileView,
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

  // CV intake (issue 20): reading runs in the pane (src/cv, its own chunk); nothing leaves the computer.
  /** The request and the names of `Kandidaten`, for the CV intake; nothing is written. */
  cvIntake: () => Promise<{ request: Request; candidates: string[] }>;
  /** Reads one CV file; rejects with a Dutch message naming the file when it cannot. */
  readCv: (file: string, bytes: Uint8Array) => Promise<CvDocument>;
  /** The proposals from one candidate's CV documents, for the request's own criteria. */
  proposeCv: (
    candidate: string,
    docs: CvDocument[],
    request: Request
  ) => Promise<CandidateProposals>;
  /** Which proposals could be applied now, and why not the others (the workbook's own plan, nothing written). */
  checkCvProposals: (proposals: CandidateProposals[]) => Promise<CvCheck[]>;
  /** Applies the chosen proposals in one batch: rows of `Werkervaring`, empty cells of `Kandidaten`. */
  applyCvProposals: (chosen: CandidateProposals[]) => Promise<CvApplyResult>;
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
  cv: emptyCvIntake,
};

/** A file's bytes (Blob.arrayBuffer, or FileReader where a browser lacks it). */
async function bytesOf(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return new Uint8Array(await file.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

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
  // The state as last rendered, for an action that reads what the evaluator ticked.
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);
  // The CV intake's documents stay in memory only (never in state or the workbook) until applied or cleared.
  const cvDocs = useRef(new Map<number, CvDocument>());
  const cvFiles = useRef<CvFileView[]>([]);
  const cvRequest = useRef<Request | null>(null);
  const cvNextId = useRef(1);

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

  /** Sets the intake's files (state and the ref the async steps read). */
  const setCvFiles = useCallback((files: CvFileView[]) => {
    cvFiles.current = files;
    setState((s) => ({ ...s, cv: { ...s.cv, files } }));
  }, []);

  /**
   * The proposals of every candidate with a readable file, checked against the workbook;
   * ticks the evaluator changed stay as they were for the same proposal.
   */
  const propose = useCallback(async () => {
    const request = cvRequest.current;
    if (!request) return;
    const byCandidate = new Map<string, CvDocument[]>();
    for (const f of cvFiles.current) {
      const doc = cvDocs.current.get(f.id);
      if (!doc || f.candidate === null) continue;
      byCandidate.set(f.candidate, [...(byCandidate.get(f.candidate) ?? []), doc]);
    }
    const all: CandidateProposals[] = [];
    for (const [candidate, docs] of byCandidate)
      all.push(await api.proposeCv(candidate, docs, request));
    const checks = all.length ? await api.checkCvProposals(all) : [];
    setState((s) => {
      const before = new Map(
        s.cv.reviews.flatMap((r) => r.items.map((i) => [JSON.stringify(i.proposal), i.checked]))
      );
      const reviews = reviewOf(all, checks).map((r) => ({
        ...r,
        items: r.items.map((i) => {
          const was = before.get(JSON.stringify(i.proposal));
          return was === undefined || i.blocked !== null ? i : { ...i, checked: was };
        }),
      }));
      return { ...s, cv: { ...s.cv, reviews } };
    });
  }, [api]);

  /** Forgets the CV files and proposals (after "Overnemen" or when the evaluator clears them). */
  const clearCv = useCallback(() => {
    cvDocs.current.clear();
    cvFiles.current = [];
    setState((s) => ({ ...s, cv: { ...s.cv, files: [], reviews: [] } }));
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
          const proposals = done.clearedProposals ?? 0;
          const notice = [
            done.pseudonyms + done.clearedPeriods + proposals === 0
              ? strings.cleanUpNothing
              : strings.cleanUpDone(done.pseudonyms, done.clearedPeriods, done.kept),
            ...(proposals > 0 ? [strings.cleanUpProposals(proposals)] : []),
            // What the clean-up could not vouch for (Dutch, from the workbook layer).
            ...(done.warnings ?? []),
          ].join(" ");
          // The review held lines of the CVs too: gone with the workbook's.
          clearCv();
          setState((s) => ({ ...s, notice }));
          await load();
        }),
      addCvFiles: (files) =>
        run("cvRead", async () => {
          const { request, candidates } = await api.cvIntake();
          cvRequest.current = request;
          setState((s) => ({ ...s, cv: { ...s.cv, candidates } }));
          const added: CvFileView[] = [];
          for (const file of files) {
            const id = cvNextId.current++;
            try {
              // Above src/cv's MAX_FILE_MB (20): refused by its size, unread, in the reader's words.
              if (file.size > 20 * 1024 * 1024)
                throw (
                  await import(/* webpackChunkName: "cv" */ "../cv/read/errors")
                ).tooLargeError(file.name, file.size);
              const doc = await api.readCv(file.name, await bytesOf(file));
              cvDocs.current.set(id, doc);
              const candidate = candidateOfFile(file.name, candidates);
              added.push({ id, file: file.name, candidate, status: "read", message: null });
            } catch (error) {
              // The reader's own Dutch message names the file; anything else is named here.
              const e = error as { name?: string; message?: string; file?: string };
              const message =
                e?.name === "CvReadError" && e.message
                  ? e.message
                  : strings.cvUnreadable(file.name, e?.message ?? String(error));
              added.push({ id, file: file.name, candidate: null, status: "unreadable", message });
            }
          }
          setCvFiles([...cvFiles.current, ...added]);
          await propose();
        }),
      setCvCandidate: (id, candidate) => {
        setCvFiles(cvFiles.current.map((f) => (f.id === id ? { ...f, candidate } : f)));
        run("cvRead", propose);
      },
      removeCvFile: (id) => {
        cvDocs.current.delete(id);
        setCvFiles(cvFiles.current.filter((f) => f.id !== id));
        run("cvRead", propose);
      },
      toggleCvProposal: (key, checked) =>
        setState((s) => ({
          ...s,
          cv: {
            ...s.cv,
            reviews: s.cv.reviews.map((r) => ({
              ...r,
              items: r.items.map((i) =>
                i.key === key && i.blocked === null ? { ...i, checked } : i
              ),
            })),
          },
        })),
      applyCvProposals: () =>
        run("cvApply", async () => {
          const chosen = chosenOf(stateRef.current.cv.reviews);
          if (chosen.length === 0) return;
          const done = await api.applyCvProposals(chosen);
          const notice = [strings.cvApplied(done.applied), ...done.notApplied].join(" ");
          clearCv();
          setState((s) => ({ ...s, notice }));
        }),
      clearCv,
      dismissError: () => setState((s) => ({ ...s, error: null })),
      dismissNotice: () => setState((s) => ({ ...s, notice: null })),
    }),
    [api, run, load, scored, fail, strings, propose, setCvFiles, clearCv]
  );

  return { state, actions };
}
