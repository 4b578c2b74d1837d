/** Every preset in src/engine/presets/index.ts: found by its own number, and a valid request. */
import { presetById, presets, request17040, validateRequest } from "../../src/engine";

describe.each(Object.entries(presets))("preset %s", (key, preset) => {
  test("is listed under its own request number and found by it", () => {
    expect(preset.id).toBe(key);
    expect(presetById(key)).toBe(preset);
  });

  test("is a request validateRequest finds nothing wrong with", () => {
    expect(validateRequest(preset)).toEqual([]);
  });
});

test("17040 is a preset", () => {
  expect(presets["17040"]).toBe(request17040);
});
