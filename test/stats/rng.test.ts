// Random streams and the project's own transcendental functions (model-spec §2, §3): the statistical properties
// the price, network and firm models rely on, each tested with a tolerance of 4 standard errors computed from n in
// the test (fixed seeds, chosen once), and each checked to be far smaller than the effect it guards against.
import '../../src/model/portable-runtime';
import { describe, test, expect } from 'vitest';
import { F_PRICE, F_NETWORK, F_FEES, F_POWER, N_FACTORS, mul32, fmix32, seedPath, seedStream, nextBits, uniform,
  normal, poisson } from '../../assembly/rng';
import { ZIG_R } from '../../assembly/zigtables';
import { exp, log, normCdf } from '../../assembly/mathx';

const SEED = 20260322;

interface Moments { n: number; mean: number; m2: number; m3: number; m4: number }
/** Central moments (divisor n) by a two-pass sum. */
function moments(x: ArrayLike<number>): Moments {
  const n = x.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i];
  const mean = s / n;
  let m2 = 0, m3 = 0, m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - mean, d2 = d * d;
    m2 += d2; m3 += d2 * d; m4 += d2 * d2;
  }
  return { n, mean, m2: m2 / n, m3: m3 / n, m4: m4 / n };
}

function correlation(x: Float64Array, y: Float64Array): number {
  const a = moments(x), b = moments(y);
  let c = 0;
  for (let i = 0; i < x.length; i++) c += (x[i] - a.mean) * (y[i] - b.mean);
  return c / x.length / Math.sqrt(a.m2 * b.m2);
}

/** |est − expected| ≤ tol, with a readable message. */
function within(label: string, est: number, expected: number, tol: number): void {
  if (process.env.STATS_VERBOSE) console.log(`${label}: ${est.toPrecision(6)} vs ${expected.toPrecision(6)} (4·SE ${tol.toPrecision(3)})`);
  const msg = `${label}: estimate ${est} vs ${expected}, |diff| ${Math.abs(est - expected).toExponential(3)} > tol ${tol.toExponential(3)}`;
  expect(Math.abs(est - expected) <= tol, msg).toBe(true);
}

/** Draws n values of factor f on one stream (path 0 of SEED unless told). */
function draws(n: number, draw: () => number, path = 0, seed = SEED): Float64Array {
  seedPath(seed, path);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = draw();
  return out;
}

describe('uniforms', () => {
  const n = 1_000_000;
  const u = draws(n, () => uniform(F_PRICE));

  test('every draw is (k + 0.5)/2^53 with 0 ≤ k < 2^53: strictly inside (0, 1)', () => {
    let bad = 0, lo = 1, hi = 0;
    for (let i = 0; i < n; i++) {
      const k = u[i] * 9007199254740992 - 0.5; // exact: scaling by 2^53, then a half-integer offset
      if (!(k >= 0 && k < 9007199254740992 && Math.floor(k) === k)) bad++;
      if (u[i] < lo) lo = u[i];
      if (u[i] > hi) hi = u[i];
    }
    expect(bad).toBe(0);
    expect(lo).toBeGreaterThan(0);
    expect(hi).toBeLessThan(1);
  });

  test(`mean 1/2 and variance 1/12 within 4·SE (n = ${n})`, () => {
    const m = moments(u);
    const seMean = Math.sqrt(1 / 12 / n);
    // Var of the sample variance of U(0,1): (μ4 − σ⁴)/n = (1/80 − 1/144)/n.
    const seVar = Math.sqrt((1 / 80 - 1 / 144) / n);
    within('mean', m.mean, 0.5, 4 * seMean);
    within('variance', m.m2, 1 / 12, 4 * seVar);
    // Sensitivity: a bias of 0.25 % in the mean or of 1 % in the variance would be caught.
    expect(4 * seMean).toBeLessThan(0.005 / 4);
    expect(4 * seVar).toBeLessThan(0.01 / 12);
  });
});

describe('ziggurat normals', () => {
  const n = 2_000_000;
  const z = draws(n, () => normal(F_NETWORK), 3);

  test(`mean 0, variance 1 (SE √(2/n)), kurtosis 3 (SE √(24/n)), n = ${n}`, () => {
    const m = moments(z);
    within('mean', m.mean, 0, 4 / Math.sqrt(n));
    within('variance', m.m2, 1, 4 * Math.sqrt(2 / n));
    within('skewness', m.m3 / m.m2 ** 1.5, 0, 4 * Math.sqrt(6 / n));
    within('kurtosis', m.m4 / (m.m2 * m.m2), 3, 4 * Math.sqrt(24 / n));
    // Sensitivity: a logistic or a t_30 (kurtosis 4.2, 3.23) would fail.
    expect(4 * Math.sqrt(24 / n)).toBeLessThan(0.05);
  });

  test('Kolmogorov–Smirnov distance to Φ below the 0.1 %-level critical value 1.9495/√n', () => {
    const s = z.slice().sort();
    let d = 0;
    for (let i = 0; i < n; i++) {
      const f = normCdf(s[i]);
      d = Math.max(d, (i + 1) / n - f, f - i / n);
    }
    const crit = 1.9495 / Math.sqrt(n);
    if (process.env.STATS_VERBOSE) console.log(`normal KS distance ${d} (critical ${crit})`);
    expect(d, `KS distance ${d} vs critical ${crit}`).toBeLessThan(crit);
  });

  test('tail frequencies: beyond the ziggurat base R = 3.4426 and beyond 4 (binomial 4·SE)', () => {
    for (const x of [ZIG_R, 4]) {
      let c = 0;
      for (let i = 0; i < n; i++) if (Math.abs(z[i]) > x) c++;
      const p = 2 * normCdf(-x);
      within(`P(|Z| > ${x})`, c / n, p, 4 * Math.sqrt((p * (1 - p)) / n));
    }
    // Sensitivity: a tail sampler that returned exactly R (or nothing beyond it) would leave P(|Z| > 4) at 0.
    expect(4 * Math.sqrt(2 * normCdf(-4) / n)).toBeLessThan(2 * normCdf(-4));
  });
});

describe('streams for different (path, factor) are uncorrelated', () => {
  const n = 100_000;
  const tol = 4 / Math.sqrt(n);

  test(`first draws of two factors of the same path (n = ${n}, |r| < 4/√n = ${tol.toFixed(4)})`, () => {
    const pairs: [number, number][] = [[F_PRICE, F_NETWORK], [F_PRICE, F_POWER], [F_FEES, F_POWER], [F_PRICE, N_FACTORS - 1]];
    for (const [f, g] of pairs) {
      const x = new Float64Array(n), y = new Float64Array(n);
      for (let p = 0; p < n; p++) {
        seedPath(SEED, p);
        x[p] = uniform(f);
        y[p] = uniform(g);
      }
      within(`corr(factor ${f}, factor ${g})`, correlation(x, y), 0, tol);
    }
  });

  test('the same factor on adjacent paths, adjacent seeds, and successive draws of one stream', () => {
    const first = new Float64Array(n + 1);
    const otherSeed = new Float64Array(n);
    for (let p = 0; p <= n; p++) {
      seedPath(SEED, p);
      first[p] = normal(F_PRICE);
      if (p < n) {
        seedPath(SEED + 1, p);
        otherSeed[p] = normal(F_PRICE);
      }
    }
    within('corr(path p, path p + 1)', correlation(first.subarray(0, n), first.subarray(1)), 0, tol);
    within('corr(seed s, seed s + 1)', correlation(first.subarray(0, n), otherSeed), 0, tol);
    const seq = draws(n + 1, () => uniform(F_FEES), 7);
    within('lag-1 autocorrelation', correlation(seq.subarray(0, n), seq.subarray(1)), 0, tol);
    // Paired draws on one path, interleaved (the way the kernel uses price and power shocks on the same day).
    seedPath(SEED, 11);
    const a = new Float64Array(n), b = new Float64Array(n);
    for (let i = 0; i < n; i++) { a[i] = normal(F_PRICE); b[i] = normal(F_POWER); }
    within('corr(price, power) same day', correlation(a, b), 0, tol);
  });

  test('draws of one factor do not depend on how many draws another factor made', () => {
    seedPath(SEED, 5);
    const ref = Array.from({ length: 100 }, () => nextBits(F_PRICE));
    seedPath(SEED, 5);
    for (let i = 0; i < 1000; i++) normal(F_NETWORK);
    const again = Array.from({ length: 100 }, () => nextBits(F_PRICE));
    expect(again).toEqual(ref);
  });
});

// ---- exp and log against the platform within 2 ulp ----

const F64 = new Float64Array(1);
const I64 = new BigInt64Array(F64.buffer);
const U32 = new Uint32Array(F64.buffer);
/** Doubles mapped to integers in order (−0 and +0 both to 0), so a difference counts the doubles in between. */
function ordinal(x: number): bigint {
  F64[0] = x;
  const i = I64[0];
  return i < 0n ? -(i & 0x7fffffffffffffffn) : i;
}
function ulpDistance(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  const d = ordinal(a) - ordinal(b);
  return Number(d < 0n ? -d : d);
}
function fromBits(hi: number, lo: number): number {
  U32[0] = lo >>> 0; // little-endian: low word first
  U32[1] = hi >>> 0;
  return F64[0];
}

const SUBNORMALS = [5e-324, 1e-323, 2.5e-320, 1e-310, 2.225073858507201e-308];
const EXP_EDGES = [0, -0, 1, -1, 0.5, -0.5, 1e-300, -1e-300, 2.220446049250313e-16, -1.1102230246251565e-16,
  0.34657359027997264, -0.34657359027997264, 0.6931471805599453, 1.0397207708399179, 709.782712893384, 709.78, 709.7827128933841,
  710, 1000, -708.3964185322641, -708.4, -709, -720, -740, -745.1332191019411, -745.1332191019412, -745.14, -746, -1e308,
  1e308, Infinity, -Infinity, NaN, ...SUBNORMALS, ...SUBNORMALS.map((x) => -x)];
const LOG_EDGES = [0, -0, 1, 2, 0.5, 4, 0.25, Math.SQRT2, Math.SQRT1_2, 1 + 2.220446049250313e-16, 1 - 1.1102230246251565e-16,
  2.718281828459045, 10, 1e-300, 1e300, Number.MAX_VALUE, 2.2250738585072014e-308, 4294967296, 2.3283064365386963e-10,
  65536, 1.52587890625e-5, Infinity, NaN, -1, -5e-324, -Infinity, -1e300, ...SUBNORMALS];

describe('own exp and log agree with Math.exp and Math.log within 2 ulp', () => {
  const n = 1_000_000;

  function worst(f: (x: number) => number, g: (x: number) => number, xs: Iterable<number>) {
    let maxUlp = 0, at = NaN, count = 0;
    for (const x of xs) {
      count++;
      const d = ulpDistance(f(x), g(x));
      if (d > maxUlp) { maxUlp = d; at = x; }
    }
    return { maxUlp, at, count };
  }
  function* randomArgs(m: number, make: () => number) { for (let i = 0; i < m; i++) yield make(); }

  test('edge values agree exactly in kind (0, ±Infinity, NaN, subnormal inputs and results)', () => {
    for (const x of EXP_EDGES) expect(ulpDistance(exp(x), Math.exp(x)), `exp(${x}) = ${exp(x)} vs ${Math.exp(x)}`).toBeLessThanOrEqual(2);
    for (const x of LOG_EDGES) expect(ulpDistance(log(x), Math.log(x)), `log(${x}) = ${log(x)} vs ${Math.log(x)}`).toBeLessThanOrEqual(2);
    expect(exp(0)).toBe(1);
    expect(log(1)).toBe(0);
    expect(exp(-Infinity)).toBe(0);
    expect(exp(Infinity)).toBe(Infinity);
    expect(exp(NaN)).toBeNaN();
    expect(log(0)).toBe(-Infinity);
    expect(log(-0)).toBe(-Infinity);
    expect(log(Infinity)).toBe(Infinity);
    for (const x of [NaN, -1, -5e-324, -Infinity]) expect(log(x)).toBeNaN();
  });

  test(`exp on ${n} random arguments over its whole range, and on small and subnormal-result arguments`, () => {
    seedStream(SEED, 0, F_PRICE);
    const wide = worst(exp, Math.exp, randomArgs(n, () => -746 + 1456 * uniform(F_PRICE)));
    const small = worst(exp, Math.exp, randomArgs(n / 4, () => (uniform(F_PRICE) < 0.5 ? -1 : 1) * 2 ** (-1074 * uniform(F_PRICE))));
    const unit = worst(exp, Math.exp, randomArgs(n / 4, () => -2 + 4 * uniform(F_PRICE)));
    const under = worst(exp, Math.exp, randomArgs(n / 4, () => -745.2 + 37 * uniform(F_PRICE))); // subnormal results
    console.log('exp max ulp: wide', wide, 'small', small, 'unit', unit, 'subnormal results', under);
    for (const r of [wide, small, unit, under]) expect(r.maxUlp, `at ${r.at}`).toBeLessThanOrEqual(2);
  });

  test(`log on ${n} random positive doubles (all exponents, subnormals included), near 1 and on (0, 10]`, () => {
    seedStream(SEED, 1, F_PRICE);
    const anyBits = worst(log, Math.log, randomArgs(n, () => {
      const hi = nextBits(F_PRICE) & 0x7fefffff; // sign cleared, exponent ≤ 2046: finite positive doubles
      return fromBits(hi, nextBits(F_PRICE));
    }));
    const sub = worst(log, Math.log, randomArgs(n / 4, () => fromBits(nextBits(F_PRICE) & 0x000fffff, nextBits(F_PRICE))));
    const near1 = worst(log, Math.log, randomArgs(n / 4, () => 1 + (uniform(F_PRICE) - 0.5) * 2 ** (-52 * uniform(F_PRICE))));
    const modest = worst(log, Math.log, randomArgs(n / 4, () => 10 * uniform(F_PRICE)));
    console.log('log max ulp: all bits', anyBits, 'subnormal', sub, 'near 1', near1, '(0, 10]', modest);
    for (const r of [anyBits, sub, near1, modest]) expect(r.maxUlp, `at ${r.at}`).toBeLessThanOrEqual(2);
  });
});

// ---- normCdf against a high-precision reference ----

/** Fixed-point arithmetic with FB fractional bits (BigInt): enough to make the reference exact to double rounding. */
const FB = 256n;
const ONE = 1n << FB;
const fmul = (a: bigint, b: bigint) => (a * b) >> FB;
const fdiv = (a: bigint, b: bigint) => (a << FB) / b;
function isqrt(v: bigint): bigint {
  if (v < 2n) return v;
  // One Newton step from any positive guess lands at or above ⌊√v⌋ (AM–GM); from there the iteration decreases.
  const g = BigInt(Math.floor(Math.sqrt(Number(v)))) + 1n;
  let x = ((g + v / g) >> 1n) + 1n;
  for (;;) {
    const y = (x + v / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}
/** atan(1/k) in fixed point, for Machin's π = 16·atan(1/5) − 4·atan(1/239). */
function atanInv(k: bigint): bigint {
  let term = ONE / k, sum = 0n, n = 1n, sign = 1n;
  const k2 = k * k;
  while (term !== 0n) {
    sum += (sign * term) / n;
    term /= k2; n += 2n; sign = -sign;
  }
  return sum;
}
const PI = 16n * atanInv(5n) - 4n * atanInv(239n);
const SQRT_2PI = isqrt(2n * PI * ONE); // √(2π·2^FB·2^FB) = √(2π)·2^FB
/** A double converted exactly to fixed point (|x| ≥ 2^-FB). */
function toFixed(x: number): bigint {
  F64[0] = x;
  const bits = I64[0];
  const e = Number((bits >> 52n) & 0x7ffn);
  let m = bits & 0xfffffffffffffn;
  if (e > 0) m |= 1n << 52n;
  const shift = BigInt((e === 0 ? 1 : e) - 1075) + FB; // x = m·2^(e − 1075)
  const v = shift >= 0n ? m << shift : m >> -shift;
  return x < 0 ? -v : v;
}
/** Fixed point to the nearest double: Number() rounds correctly and 2^FB is an exact power of two. */
function toDouble(v: bigint): number {
  return Number(v) / 2 ** Number(FB);
}
/**
 * Φ(x) = 1/2 + φ(x)·Σ_{n≥0} x^{2n+1}/(1·3·5···(2n+1)) (Marsaglia 2004): every term has the sign of x, so the sum
 * loses nothing to cancellation; in 256-bit fixed point the result is exact to far below 1e-30 for |x| ≤ 12.
 * Beyond, Φ is within 2e-33 of 0 or 1.
 */
function phiReference(x: number): number {
  if (x <= -12) return 0;
  if (x >= 12) return 1;
  const X = toFixed(x);
  const x2 = fmul(X, X);
  let term = X, s = 0n;
  for (let n = 1n; term !== 0n; n += 2n) {
    s += term;
    term = fdiv(fmul(term, x2), (n + 2n) * ONE);
  }
  const half = x2 >> 1n; // x²/2 ≥ 0: e^{x²/2} by its Taylor series (positive terms)
  let eTerm = ONE, ePos = 0n;
  for (let k = 1n; eTerm !== 0n; k++) {
    ePos += eTerm;
    eTerm = fmul(eTerm, half) / k;
  }
  return toDouble(ONE / 2n + fdiv(fdiv(s, ePos), SQRT_2PI));
}

describe('normCdf against a 256-bit reference', () => {
  test('reference sanity: Φ(0) = 1/2, Φ(1.959963984540054) = 0.975, Φ(−1) = 0.15865525393145705', () => {
    expect(phiReference(0)).toBe(0.5);
    expect(Math.abs(phiReference(1.959963984540054) - 0.975)).toBeLessThan(1e-16);
    expect(Math.abs(phiReference(-1) - 0.15865525393145705)).toBeLessThan(1e-16);
    expect(Math.abs(phiReference(-8) - 6.2209605742717841e-16)).toBeLessThan(1e-30);
  });

  test('|normCdf − Φ| ≤ 1e-14 on a grid over [−40, 40], around the branch points 7.071 and 37, and at random points', () => {
    const xs: number[] = [];
    for (let i = -1200; i <= 1200; i++) xs.push(i / 100);
    for (let i = -40; i <= 40; i += 0.5) xs.push(i);
    for (const b of [7.07106781186547, 37]) for (let k = -20; k <= 20; k++) xs.push(b + k * 1e-9, -b - k * 1e-9);
    xs.push(1e-300, -1e-300, 5e-324, Infinity, -Infinity);
    seedStream(SEED, 2, F_PRICE);
    for (let i = 0; i < 3000; i++) xs.push(-9 + 18 * uniform(F_PRICE));
    let maxErr = 0, at = NaN;
    for (const x of xs) {
      const err = Math.abs(normCdf(x) - phiReference(x));
      if (!(err <= maxErr)) { maxErr = err; at = x; }
    }
    console.log(`normCdf: max abs error ${maxErr.toExponential(3)} at x = ${at} over ${xs.length} points`);
    expect(maxErr, `at x = ${at}`).toBeLessThanOrEqual(1e-14);
    // Sensitivity: the classic Abramowitz–Stegun 26.2.17 (error 7.5e-8) would be rejected by a factor 7,500.
  });
});

// ---- integer hashing and the generator itself against Math.imul reference implementations ----

function fmix32Ref(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k));
/** xoshiro128** (Blackman & Vigna 2018, xoshiro128starstar.c) on a 4-word state, returning unsigned outputs. */
function xoshiroRef(s: number[]): number {
  const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
  const t = s[1] << 9;
  s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t;
  s[3] = rotl(s[3], 11);
  return result;
}
/** The seeding of model-spec §2 written with Math.imul: a fmix32 chain over (seed, path, factor, word). */
function seedRef(seed: number, path: number, f: number): number[] {
  const s = [0, 1, 2, 3].map((w) => {
    let h = fmix32Ref(seed ^ 0x243f6a88);
    h = fmix32Ref(h ^ Math.imul(path + 1, 0x9e3779b9));
    h = fmix32Ref(h ^ Math.imul(f + 1, 0x85ebca77));
    return fmix32Ref(h ^ Math.imul(w + 1, 0xc2b2ae3d));
  });
  if (!s.some((w) => w !== 0)) s[0] = 1;
  return s;
}

describe('32-bit integer operations', () => {
  const edges = [0, 1, -1, 2, 0x7fffffff, -0x80000000, 0xffff, 0x10000, -0x10000, 0x12345678, -0x543210fe];

  test('mul32 and fmix32 equal Math.imul-based references on 10^6 random inputs and edge values', () => {
    seedStream(SEED, 3, F_PRICE);
    let bad = 0;
    const check = (a: number, b: number) => {
      if (mul32(a, b) !== Math.imul(a, b)) bad++;
      if (fmix32(a) !== fmix32Ref(a)) bad++;
    };
    for (const a of edges) for (const b of edges) check(a, b);
    for (let i = 0; i < 1_000_000; i++) check(nextBits(F_PRICE), nextBits(F_PRICE));
    expect(bad).toBe(0);
    expect(fmix32(0)).toBe(0);
    expect(fmix32(1)).toBe(fmix32Ref(1));
    // Sensitivity: a plain a*b|0 loses low bits once the product exceeds 2^53.
    expect((0x7fffffff * 0x7fffffff) | 0).not.toBe(Math.imul(0x7fffffff, 0x7fffffff));
  });

  test('nextBits is xoshiro128** seeded as in §2: equal to the reference for 1,000 draws of several streams', () => {
    const st = [1, 2, 3, 4];
    // Known answer of the reference C code for the state {1, 2, 3, 4}.
    expect(Array.from({ length: 6 }, () => xoshiroRef(st))).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
    for (const [seed, path, f] of [[1, 0, F_PRICE], [SEED, 12345, F_POWER], [-1, 99999, N_FACTORS - 1], [0, 0, F_FEES]]) {
      seedStream(seed, path, f);
      const ref = seedRef(seed, path, f);
      for (let i = 0; i < 1000; i++) expect(nextBits(f) >>> 0).toBe(xoshiroRef(ref));
    }
  });
});

describe('Poisson by inversion', () => {
  // λΔ of the Merton default (3 jumps a year), a typical daily block count is far larger but uses the same code.
  const n = 1_000_000;
  for (const mean of [3 / 365.25, 0.5, 4, 30]) {
    test(`Poisson(${mean.toPrecision(4)}): mean = variance = ${mean.toPrecision(4)}, P(0) = e^{−mean} within 4·SE (n = ${n})`, () => {
      seedStream(SEED, Math.round(mean * 1000), F_NETWORK);
      const x = new Float64Array(n);
      let zeros = 0;
      for (let i = 0; i < n; i++) {
        x[i] = poisson(F_NETWORK, mean);
        if (x[i] === 0) zeros++;
        if (!Number.isInteger(x[i]) || x[i] < 0) throw new Error(`not a count: ${x[i]}`);
      }
      const m = moments(x);
      // Var of the sample variance: (μ4 − σ⁴)/n with μ4 = λ(1 + 3λ) for a Poisson.
      within('mean', m.mean, mean, 4 * Math.sqrt(mean / n));
      within('variance', m.m2, mean, 4 * Math.sqrt((mean + 2 * mean * mean) / n));
      const p0 = Math.exp(-mean);
      within('P(0)', zeros / n, p0, 4 * Math.sqrt((p0 * (1 - p0)) / n));
      // Sensitivity: a mean 10 % off (e.g. the inversion stopping one step early) would be caught.
      expect(4 * Math.sqrt(mean / n)).toBeLessThan(0.1 * mean);
    });
  }
});
