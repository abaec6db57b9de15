// Random streams (model-spec §2), portable AssemblyScript shared with the TypeScript reference.
// One xoshiro128** stream per (path, factor); only 32-bit integer operations, each product reduced with `| 0`
// so that JS numbers and wasm i32 hold the same bits.
import { exp, log } from './mathx';
import { ZIG_R, ZIG_KN, ZIG_WN, ZIG_FN } from './zigtables';

/** Risk-factor stream ids. Appending a factor never moves the draws of another (common random numbers). */
export const F_PRICE: i32 = 0;
export const F_NETWORK: i32 = 1;
export const F_FEES: i32 = 2;
export const F_POWER: i32 = 3;
export const F_HOSTING: i32 = 4;
export const F_TENANT: i32 = 5;
export const F_EQUITY: i32 = 6;
export const N_FACTORS: i32 = 7;

const S = new Int32Array(N_FACTORS * 4);
const KN = new Float64Array(128);
const WN = new Float64Array(128);
const FN = new Float64Array(128);
for (let i = 0; i < 128; i++) {
  KN[i] = ZIG_KN[i];
  WN[i] = ZIG_WN[i];
  FN[i] = ZIG_FN[i];
}

/** a·b mod 2^32 from 16-bit halves: exact in doubles, and plain wrapping in wasm. */
export function mul32(a: i32, b: i32): i32 {
  return ((((a >>> 16) * (b & 0xffff)) << 16) + (a & 0xffff) * b) | 0;
}

/** murmur3 finaliser (Appleby). Constants 0x85ebca6b and 0xc2b2ae35 written as signed 32-bit integers. */
export function fmix32(h: i32): i32 {
  h = h ^ (h >>> 16);
  h = mul32(h, -2048144789);
  h = h ^ (h >>> 13);
  h = mul32(h, -1028477387);
  return h ^ (h >>> 16);
}

/** Seed the four words of factor f's stream for a path: a fmix32 chain over (seed, path, factor, word). */
export function seedStream(seed: i32, path: i32, f: i32): void {
  let zero = true;
  for (let w = 0; w < 4; w++) {
    let h = fmix32(seed ^ 0x243f6a88);
    h = fmix32(h ^ mul32(path + 1, -1640531527)); // 0x9e3779b9
    h = fmix32(h ^ mul32(f + 1, -2048144777)); // 0x85ebca77
    h = fmix32(h ^ mul32(w + 1, -1028477379)); // 0xc2b2ae3d
    S[f * 4 + w] = h;
    if (h != 0) zero = false;
  }
  if (zero) S[f * 4] = 1; // xoshiro's only forbidden state
}

export function seedPath(seed: i32, path: i32): void {
  for (let f = 0; f < N_FACTORS; f++) seedStream(seed, path, f);
}

/** Next 32 random bits of factor f's stream (xoshiro128**, Blackman & Vigna 2018). */
export function nextBits(f: i32): i32 {
  const o = f * 4;
  const s0 = unchecked(S[o]);
  let s1 = unchecked(S[o + 1]);
  let s2 = unchecked(S[o + 2]);
  let s3 = unchecked(S[o + 3]);
  const x5 = (s1 * 5) | 0;
  const result = ((((x5 << 7) | (x5 >>> 25)) * 9) | 0);
  const t = s1 << 9;
  s2 = s2 ^ s0;
  s3 = s3 ^ s1;
  s1 = s1 ^ s2;
  unchecked(S[o] = s0 ^ s3);
  unchecked(S[o + 1] = s1);
  unchecked(S[o + 2] = s2 ^ t);
  unchecked(S[o + 3] = (s3 << 11) | (s3 >>> 21));
  return result;
}

/** U = (k + 0.5)/2^53 from two 32-bit draws: never exactly 0 or 1. */
export function uniform(f: i32): f64 {
  const a = nextBits(f);
  const b = nextBits(f);
  return (<f64>(a >>> 5) * 67108864.0 + <f64>(b >>> 6) + 0.5) * 1.1102230246251565e-16;
}

/** Standard normal by ziggurat: bits 0–6 pick the layer, bits 7–31 are the signed magnitude. */
export function normal(f: i32): f64 {
  let hz = nextBits(f);
  let iz = hz & 127;
  let j = <f64>(hz >> 7);
  if (Math.abs(j) < unchecked(KN[iz])) return j * unchecked(WN[iz]);
  while (true) {
    const x = j * WN[iz];
    if (iz == 0) {
      let xt: f64 = 0.0;
      let yt: f64 = 0.0;
      do {
        xt = -log(uniform(f)) / ZIG_R;
        yt = -log(uniform(f));
      } while (yt + yt < xt * xt);
      return j > 0.0 ? ZIG_R + xt : -ZIG_R - xt;
    }
    if (FN[iz] + uniform(f) * (FN[iz - 1] - FN[iz]) < exp(-0.5 * x * x)) return x;
    hz = nextBits(f);
    iz = hz & 127;
    j = <f64>(hz >> 7);
    if (Math.abs(j) < unchecked(KN[iz])) return j * unchecked(WN[iz]);
  }
  return 0.0;
}

/** Poisson(mean) by inversion with one uniform (model-spec §3); capped at 1000 events. */
export function poisson(f: i32, mean: f64): f64 {
  if (mean <= 0.0) return 0.0;
  const u = uniform(f);
  let k: f64 = 0.0;
  let p = exp(-mean);
  let s = p;
  while (u > s && k < 1000.0) {
    k = k + 1.0;
    p = p * mean / k;
    s = s + p;
  }
  return k;
}

/** Gamma(shape, 1) for shape ≥ 1 by Marsaglia & Tsang (2000), "A simple method for generating gamma variables". */
export function gamma(f: i32, shape: f64): f64 {
  const d = shape - 1.0 / 3.0;
  const c = 1.0 / Math.sqrt(9.0 * d);
  while (true) {
    const x = normal(f);
    let v = 1.0 + c * x;
    if (v <= 0.0) continue;
    v = v * v * v;
    const u = uniform(f);
    const x2 = x * x;
    if (u < 1.0 - 0.0331 * x2 * x2) return d * v;
    if (log(u) < 0.5 * x2 + d * (1.0 - v + log(v))) return d * v;
  }
  return 0.0;
}

/** Unit-variance Student-t with ν > 2: Z/√(χ²_ν/ν)·√((ν − 2)/ν). */
export function studentT(f: i32, nu: f64): f64 {
  const z = normal(f);
  const chi2 = 2.0 * gamma(f, 0.5 * nu);
  return z / Math.sqrt(chi2 / nu) * Math.sqrt((nu - 2.0) / nu);
}
