/** Issue 18: presets are looked up by their own key, never by Object's members. */
import { presetById } from "../../src/engine";
import { WorkbookError } from "../../src/workbook/problems";
import { planScore } from "../../src/workbook/score";
import { setUpRequest } from "../../src/workbook/setUp";

describe("presets by their own key", () => {
  test.each(["constructor", "toString", "__proto__", "valueOf", "hasOwnProperty"])(
    "%s is an unknown preset, for set-up and scoring alike",
    (id) => {
      expect(presetById(id)).toBeUndefined();
      expect(() => setUpRequest(id)).toThrow(WorkbookError);
      expect(() => planScore({ sheets: [] } as never, { preset: id })).toThrow(
        new WorkbookError(`Onbekende preset '${id}'. Beschikbaar: 17040.`)
      );
    }
  );

  test("17040 is found", () => {
    expect(presetById("17040")?.id).toBe("17040");
  });
});
