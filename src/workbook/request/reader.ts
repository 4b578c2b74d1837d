/**
 * Where the problems of the `Aanvraag` sheet go while it is read: each request
 * field (as validateRequest names it, `awards.G9.points`) remembers its cell, so
 * the engine's problems with the finished request land on the cell to fix.
 */
import { validateRequest, type Request } from "../../engine";
import type { SheetProblem } from "../problems";
import type { SheetSnapshot } from "../snapshot";

/** Collects problems and where each request field sits, so validateRequest's fields find their cell. */
export class Reader {
  readonly problems: SheetProblem[] = [];
  private readonly cells = new Map<string, string>();
  private readonly reported = new Set<string>();

  constructor(readonly sheet: SheetSnapshot) {}

  /** Remembers the cell of a request field. */
  place(field: string, cell: string): void {
    this.cells.set(field, cell);
  }

  /** A problem at a cell; validateRequest's problems with the field (and its parts) are then left out. */
  problem(field: string, cell: string, message: string): void {
    this.reported.add(field);
    this.problems.push({ sheet: this.sheet.name, cell, message });
  }

  /** The cell of a field path, or of its nearest parent (`awards.G9.scoring.steps.0.min` → the Treden cell). */
  cellOf(field: string): string {
    for (let path = field; path; path = path.slice(0, Math.max(0, path.lastIndexOf(".")))) {
      const cell = this.cells.get(path);
      if (cell) return cell;
      if (!path.includes(".")) break;
    }
    return "A1";
  }

  /** Adds validateRequest's problems, except for fields whose cell was already reported as unreadable. */
  validate(request: Request): void {
    for (const p of validateRequest(request)) {
      const covered = [...this.reported].some((f) => p.field === f || p.field.startsWith(`${f}.`));
      if (!covered)
        this.problems.push({
          sheet: this.sheet.name,
          cell: this.cellOf(p.field),
          message: p.message,
        });
    }
  }
}
