// The project's own exp, log and normal CDF (model-spec §2). This file is "portable" AssemblyScript: asc compiles it
// into the wasm core and TypeScript compiles the very same text into the reference twin, so both run the same
// f64 operations in the same order and agree bit for bit (wasm and JS have no implicit fused multiply-add).
// Only exact operations are used besides + − × ÷: sqrt, floor, abs, comparisons, multiplication by powers of two.

// exp: fdlibm e_exp.c (Sun Microsystems, 1993) argument reduction and Remez polynomial; scaling by an exact 2^k table
// instead of bit manipulation, which JS cannot do without allocation.
const LN2_HI: f64 = 6.93147180369123816490e-01;
const LN2_LO: f64 = 1.90821492927058770002e-10;
const INV_LN2: f64 = 1.44269504088896338700e+00;
const P1: f64 = 1.66666666666666019037e-01;
const P2: f64 = -2.77777777770155933842e-03;
const P3: f64 = 6.61375632143793436117e-05;
const P4: f64 = -1.65339022054652515390e-06;
const P5: f64 = 4.13813679705723846039e-08;

/** POW2[k + 1022] = 2^k for k in [−1022, 1023], built by exact doubling/halving. */
const POW2 = new Float64Array(2046);
POW2[1022] = 1.0;
for (let i = 1023; i < 2046; i++) POW2[i] = POW2[i - 1] * 2.0;
for (let i = 1021; i >= 0; i--) POW2[i] = POW2[i + 1] * 0.5;

/** y · 2^k for integral k (given as f64). */
export function scalbn(y: f64, k: f64): f64 {
  if (k > 1023.0) {
    y = y * POW2[2045];
    k = k - 1023.0;
    if (k > 1023.0) k = 1023.0;
  } else if (k < -1022.0) {
    y = y * POW2[1022 - 1022 + 53]; // × 2^(−969): keep 53 bits before the final subnormal rounding
    k = k + 969.0;
    if (k < -1022.0) k = -1022.0;
  }
  return y * unchecked(POW2[<i32>(k + 1022.0)]);
}

export function exp(x: f64): f64 {
  if (x != x) return x;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0.0;
  const k = Math.floor(x * INV_LN2 + 0.5);
  const hi = x - k * LN2_HI;
  const lo = k * LN2_LO;
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  const y = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);
  return scalbn(y, k);
}

// log: fdlibm e_log.c polynomial on m ∈ [√½, √2); the exponent is found by exact scaling with powers of two.
const LG1: f64 = 6.666666666666735130e-01;
const LG2: f64 = 3.999999999940941908e-01;
const LG3: f64 = 2.857142874366239149e-01;
const LG4: f64 = 2.222219843214978396e-01;
const LG5: f64 = 1.818357216161805012e-01;
const LG6: f64 = 1.531383769920937332e-01;
const LG7: f64 = 1.479819860511658591e-01;
const SQRT2: f64 = 1.4142135623730951;

export function log(x: f64): f64 {
  if (x != x || x < 0.0) return NaN;
  if (x == 0.0) return -Infinity;
  if (x == Infinity) return x;
  let m = x;
  let k: f64 = 0.0;
  if (m >= 2.0) {
    while (m >= 4294967296.0) { m = m * 2.3283064365386963e-10; k = k + 32.0; }
    if (m >= 65536.0) { m = m * 1.52587890625e-5; k = k + 16.0; }
    if (m >= 256.0) { m = m * 0.00390625; k = k + 8.0; }
    if (m >= 16.0) { m = m * 0.0625; k = k + 4.0; }
    if (m >= 4.0) { m = m * 0.25; k = k + 2.0; }
    if (m >= 2.0) { m = m * 0.5; k = k + 1.0; }
  } else if (m < 1.0) {
    while (m < 2.3283064365386963e-10) { m = m * 4294967296.0; k = k - 32.0; }
    if (m < 1.52587890625e-5) { m = m * 65536.0; k = k - 16.0; }
    if (m < 0.00390625) { m = m * 256.0; k = k - 8.0; }
    if (m < 0.0625) { m = m * 16.0; k = k - 4.0; }
    if (m < 0.25) { m = m * 4.0; k = k - 2.0; }
    if (m < 0.5) { m = m * 2.0; k = k - 1.0; }
    m = m * 2.0; k = k - 1.0;
  }
  if (m >= SQRT2) { m = m * 0.5; k = k + 1.0; }
  const f = m - 1.0;
  const s = f / (2.0 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const R = t2 + t1;
  const hfsq = 0.5 * f * f;
  return k * LN2_HI - ((hfsq - (s * (hfsq + R) + k * LN2_LO)) - f);
}

/** Standard normal CDF Φ(x): Hart (1968) as given by West (2005), "Better approximations to cumulative normal
 *  functions", Wilmott; absolute error below 1e-14. */
export function normCdf(x: f64): f64 {
  if (x != x) return x;
  const a = Math.abs(x);
  let c: f64 = 0.0;
  if (a <= 37.0) {
    const e = exp(-a * a * 0.5);
    if (a < 7.07106781186547) {
      let b = 3.52624965998911e-02 * a + 0.700383064443688;
      b = b * a + 6.37396220353165;
      b = b * a + 33.912866078383;
      b = b * a + 112.079291497871;
      b = b * a + 221.213596169931;
      b = b * a + 220.206867912376;
      c = e * b;
      b = 8.83883476483184e-02 * a + 1.75566716318264;
      b = b * a + 16.064177579207;
      b = b * a + 86.7807322029461;
      b = b * a + 296.564248779674;
      b = b * a + 637.333633378831;
      b = b * a + 793.826512519948;
      b = b * a + 440.413735824752;
      c = c / b;
    } else {
      let b = a + 0.65;
      b = a + 4.0 / b;
      b = a + 3.0 / b;
      b = a + 2.0 / b;
      b = a + 1.0 / b;
      c = e / b / 2.506628274631;
    }
  }
  return x > 0.0 ? 1.0 - c : c;
}
