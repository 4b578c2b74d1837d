/**
 * The end of a `switch` that handles every member of a union: TypeScript rejects the call
 * when a member is left out, and at run time a value no case knows (data from elsewhere, a
 * kind added without its case) fails loudly instead of being dropped.
 */

/**
 * Throws for a value that cannot occur when every case of a union is handled.
 *
 * @example
 * switch (change.kind) {
 *   // … a case for every kind …
 *   default:
 *     return assertNever(change, "change");
 * }
 */
export function assertNever(value: never, what = "value"): never {
  throw new Error(`Unknown ${what}: ${JSON.stringify(value)}`);
}
