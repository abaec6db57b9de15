// The wasm core's exported surface: pointers to the fixed arrays the host fills and reads, and simulate().
// Only this file is AssemblyScript-specific (dataStart); everything it re-exports is portable (shared with the
// TypeScript reference in src/model/reference.ts).
import { P, G, T, Y, MONTH_END, HIST_LNHP, HIST_CENTER } from './params';
import { HIST, REC, SAMPLES, BATCH, histClear } from './aggregate';
import { simulate } from './simulate';
import { regimeCount } from './market';
import { HC } from './hosting';

export { simulate, histClear, regimeCount };

export function paramsPtr(): usize { return P.dataStart; }
export function fleetPtr(): usize { return G.dataStart; }
export function tranchesPtr(): usize { return T.dataStart; }
export function paymentsPtr(): usize { return Y.dataStart; }
export function monthEndPtr(): usize { return MONTH_END.dataStart; }
export function historyPtr(): usize { return HIST_LNHP.dataStart; }
export function histCenterPtr(): usize { return HIST_CENTER.dataStart; }
export function histPtr(): usize { return HIST.dataStart; }
export function recordsPtr(): usize { return REC.dataStart; }
export function samplesPtr(): usize { return SAMPLES.dataStart; }
export function hostingPtr(): usize { return HC.dataStart; }
export function batchPtr(): usize { return BATCH.dataStart; }
