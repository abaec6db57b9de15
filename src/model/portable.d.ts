// The model kernels in assembly/ are written in "portable" AssemblyScript: the same source is compiled by asc to
// wasm and by TypeScript to the reference twin (spec §2: bitwise-identical results). These aliases give the TS side
// AssemblyScript's scalar type names; the kernels never rely on integer wrapping without an explicit `| 0`.
declare type f64 = number;
declare type i32 = number;
declare type u32 = number;
declare type bool = boolean;
/** AssemblyScript's unchecked(): skips the bounds check in wasm; the identity in JS (portable-runtime.ts). */
declare function unchecked<T>(value: T): T;
