// Runtime half of portable.d.ts for the TypeScript twin: AssemblyScript's `unchecked(x)` is the identity in JS
// (the same convention as assemblyscript/std/portable). Imported before any kernel function runs.
const g = globalThis as unknown as { unchecked?: <T>(x: T) => T };
if (!g.unchecked) g.unchecked = <T>(x: T): T => x;
export {};
