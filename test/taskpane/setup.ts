/** jsdom set-up for the task pane's component tests: jest-axe's matcher and what Fluent needs of a browser. */
import { toHaveNoViolations } from "jest-axe";

expect.extend(toHaveNoViolations);

if (typeof document !== "undefined") {
  if (!("ResizeObserver" in globalThis)) {
    (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
  }
  // jsdom has no layout: offsetParent is always null and the body has no size, so Fluent's
  // focus manager (tabster) takes every element for hidden and Tab never leaves a dialog's first field.
  Object.defineProperty(HTMLElement.prototype, "offsetParent", {
    configurable: true,
    get(this: HTMLElement) {
      return this.parentElement;
    },
  });
  document.body.getBoundingClientRect = () =>
    ({
      x: 0,
      y: 0,
      top: 0,
      left: 0,
      right: 800,
      bottom: 600,
      width: 800,
      height: 600,
      toJSON: () => ({}),
    }) as DOMRect;
}
