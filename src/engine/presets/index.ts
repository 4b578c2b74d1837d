/**
 * The presets: requests the product knows by number, for `--preset` on the command
 * line and the task pane's set-up. Every other request is data in the workbook's
 * `Aanvraag` sheet. A new preset is one file beside request17040.ts and one line in
 * `presets` below (the README's "Een aanvraag toevoegen" has the whole checklist).
 */
import type { Request } from "../request";
import { request17040 } from "./request17040";

export { request17040 };

/** The presets by request number, for `--preset` and the task pane. */
export const presets: Readonly<Record<string, Request>> = { "17040": request17040 };

/**
 * The preset with this id, or undefined: an own key only, so `constructor`, `toString` or
 * `__proto__` is an unknown preset like any other (never Object's own members).
 *
 * @example
 * presetById("17040")?.id; // "17040"
 * presetById("constructor"); // undefined
 */
export function presetById(id: string): Request | undefined {
  return Object.hasOwn(presets, id) ? presets[id] : undefined;
}
