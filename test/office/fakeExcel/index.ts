/**
 * A small fake of Excel's JavaScript API for the add-in's tests (and, in issue 6,
 * a browser page): install it, run the add-in's code through the global
 * `Excel.run`, then inspect the workbook and the figures (syncs, request bytes).
 */
import { FakeContext, type FakeStats } from "./objects";
import { emptyState, type FakeWorkbookState } from "./state";

export * from "./state";
export type { FakeStats } from "./objects";

/** A fake Excel: its workbook and the figures of every `Excel.run` so far. */
export interface FakeExcel {
  state: FakeWorkbookState;
  /** One entry per `Excel.run`. */
  runs: FakeStats[];
  /** The base64 files `Excel.createWorkbook` was asked to open, in order. */
  created: string[];
  /** The figures of the last run. */
  last(): FakeStats;
  /** Removes the global `Excel`. */
  uninstall(): void;
}

/**
 * Puts a global `Excel` with `run` over `state` (an empty workbook by default).
 *
 * @example
 * const excel = installFakeExcel();
 * await Excel.run(async (context) => { … });
 * excel.last().syncs; // 2
 */
export function installFakeExcel(state: FakeWorkbookState = emptyState()): FakeExcel {
  const runs: FakeStats[] = [];
  const created: string[] = [];
  const host = globalThis as unknown as { Excel?: unknown };
  const previous = host.Excel;
  const fake: FakeExcel = {
    state,
    runs,
    created,
    last: () => {
      const stats = runs[runs.length - 1];
      if (!stats) throw new Error("No Excel.run yet.");
      return stats;
    },
    uninstall: () => {
      host.Excel = previous;
    },
  };
  host.Excel = {
    async run<T>(batch: (context: FakeContext) => Promise<T>): Promise<T> {
      const stats: FakeStats = {
        syncs: 0,
        requestBytes: [],
        responseBytes: [],
        calculationSuspended: 0,
        screenUpdatingSuspended: 0,
      };
      runs.push(stats);
      const context = new FakeContext(fake.state, stats);
      const result = await batch(context);
      // Excel.run syncs what is left in the queue when the batch ends.
      if (context.queue.length > 0) await context.sync();
      return result;
    },
    /** As Excel: opens a new workbook from an `.xlsx` in base64 (here: keeps it for the test). */
    async createWorkbook(base64?: string): Promise<void> {
      if (typeof base64 !== "string" || !/^[A-Za-z0-9+/]+=*$/.test(base64)) {
        throw Object.assign(new Error("The argument is invalid or missing."), {
          code: "InvalidArgument",
        });
      }
      created.push(base64);
    },
  };
  return fake;
}
