// The path loop: one path at a time, every factor on its own stream, daily steps in the order of model-spec §6:
// market step → operations cash flow → treasury sales → margin checks → payments due → default test.
import { P, FIRM, CASH, FREE_BTC, MONTH_END } from './params';
import { P_SEED, P_DAYS, P_MONTHS, P_CASH0, P_BTC0, P_FIRM_ON, P_PRICE0, V_PRICE, V_DIFFICULTY, V_HASHRATE,
  V_HASHPRICE, V_SHARE, V_MINED, V_CASH, V_BTC, V_NET_DEBT, N_VARS, FIRST_FIRM_VAR, N_SAMPLES, R_STRIDE,
  R_DEFAULT_DAY, R_CAUSE, R_TRANCHE, R_LNP_T, R_P_T, R_MARGIN_EVENTS, R_CASH_T, R_MINED_T, R_CONVERSIONS,
  R_REFINANCINGS, R_SHARES_T, R_ATM_USD, R_REFRESH_BASE, R_HOSTING_BASE, R_ESTATE_USD, R_UNSECURED_RECOVERY,
  R_CLAIMS_USD, R_LOSS_USD, BATCH_PATHS, TRANCHE_SLOTS, B_STRIDE, P_RC_DC_RATE, R_SPV_DEFAULTS } from './layout';
import { seedPath } from './rng';
import { exp, log } from './mathx';
import { marketReset, marketStep, priceShock } from './market';
import { networkReset, networkDay, networkDifficulty, networkHashrateEhs, networkBtcPerPhDay } from './network';
import { minerReset, minerDay, minerRunningPh, minerOverheadUsd, minerEbitdaUsd } from './miner';
import { capitalReset, treasuryDay, marginDay, paymentsDay, defaultCause, defaultTranche, marginEventCount,
  debtOutstanding, pledgedBtc, convertiblesDay, conversionCount, refinancingCount, atmRaisedUsd, recoverAtDefault,
  recoveryEstateUsd, recoveryUnsecuredRate, recoveryClaimsUsd, recoveryLossUsd, spvDay, spvEquityUsd,
  spvDefaultCount } from './capital';
import { fleetValueUsd } from './recovery';
import { equityReset, equityDay, sharesOutstanding } from './equity';
import { accessReset, accessDay } from './access';
import { refreshReset, refreshDay, refreshRecord } from './refresh';
import { hostingReset, hostingDay, hostingRecord, hostingNoiTodayUsd } from './hosting';
import { REC, BATCH, histAdd, sampleSet } from './aggregate';

const VALUES = new Float64Array(N_VARS);

function recordMonth(path: i32, m: i32, firmAlive: bool): void {
  for (let v = 0; v < N_VARS; v++) {
    const firm = v >= FIRST_FIRM_VAR;
    // A defaulted path leaves the firm variables' distributions from its default month on (§7).
    if (m > 0 && (!firm || firmAlive)) histAdd(v, m, unchecked(VALUES[v]));
    if (path < N_SAMPLES) sampleSet(path, v, m, firm && !firmAlive ? NaN : unchecked(VALUES[v]));
  }
}

function setValues(price: f64, minedMonth: f64): void {
  const h = networkHashrateEhs();
  unchecked(VALUES[V_PRICE] = price);
  unchecked(VALUES[V_DIFFICULTY] = networkDifficulty());
  unchecked(VALUES[V_HASHRATE] = h);
  unchecked(VALUES[V_HASHPRICE] = price * networkBtcPerPhDay());
  unchecked(VALUES[V_SHARE] = minerRunningPh() / 1000.0 / h);
  unchecked(VALUES[V_MINED] = minedMonth);
  unchecked(VALUES[V_CASH] = unchecked(FIRM[CASH]));
  unchecked(VALUES[V_BTC] = unchecked(FIRM[FREE_BTC]) + pledgedBtc());
  unchecked(VALUES[V_NET_DEBT] = debtOutstanding() - unchecked(FIRM[CASH]));
}

function simulatePath(path: i32, slot: i32): void {
  const days = <i32>unchecked(P[P_DAYS]);
  const months = <i32>unchecked(P[P_MONTHS]);
  const firmOn = unchecked(P[P_FIRM_ON]) > 0.5;
  marketReset();
  const price0 = unchecked(P[P_PRICE0]);
  networkReset(price0);
  minerReset();
  capitalReset();
  equityReset();
  accessReset(price0);
  refreshReset();
  hostingReset();
  unchecked(FIRM[CASH] = unchecked(P[P_CASH0]));
  unchecked(FIRM[FREE_BTC] = unchecked(P[P_BTC0]));
  let alive = firmOn;
  let defaultDay = 0;
  let minedMonth: f64 = 0.0;
  let minedTotal: f64 = 0.0;
  let lnP = log(price0);
  let price = price0;
  setValues(price0, 0.0);
  unchecked(VALUES[V_SHARE] = 0.0);
  if (path < N_SAMPLES) recordMonth(path, 0, true);
  let m = 1;
  for (let t = 1; t <= days; t++) {
    const lnPrev = lnP;
    lnP = marketStep();
    price = exp(lnP);
    networkDay(t, price);
    if (alive) {
      equityDay(lnP - lnPrev);
      const miningMw = hostingDay(t, price);
      refreshDay(t, price, networkBtcPerPhDay());
      const mined = minerDay(t, price, networkBtcPerPhDay(), priceShock(), miningMw);
      minedMonth = minedMonth + mined;
      minedTotal = minedTotal + mined;
      // Consolidated EBITDA (mining + hosting NOI) against consolidated net debt (SPV debt included).
      accessDay(t, price, minerEbitdaUsd() + hostingNoiTodayUsd(), debtOutstanding() - unchecked(FIRM[CASH]));
      treasuryDay(t, price, minerOverheadUsd());
      convertiblesDay(t);
      spvDay(t, (slot / BATCH_PATHS) | 0);
      if (marginDay(t, price) || paymentsDay(t, price)) {
        alive = false;
        defaultDay = t;
        // Data centres: their remaining NOI, net of any non-recourse SPV debt on them (spvEquityUsd).
        const assets = fleetValueUsd(t, price * networkBtcPerPhDay()) + spvEquityUsd(t, unchecked(P[P_RC_DC_RATE]));
        recoverAtDefault(t, price, assets, (slot / BATCH_PATHS) | 0, price * networkBtcPerPhDay()); // integer division in both languages
      }
    }
    if (m <= months && t == unchecked(MONTH_END[m])) {
      setValues(price, minedMonth);
      recordMonth(path, m, alive);
      minedMonth = 0.0;
      m++;
    }
  }
  const o = slot * R_STRIDE;
  unchecked(REC[o + R_DEFAULT_DAY] = <f64>defaultDay);
  unchecked(REC[o + R_CAUSE] = defaultDay > 0 ? <f64>defaultCause() : 0.0);
  unchecked(REC[o + R_TRANCHE] = defaultDay > 0 ? <f64>defaultTranche() : -1.0);
  unchecked(REC[o + R_LNP_T] = lnP - log(price0));
  unchecked(REC[o + R_P_T] = price);
  unchecked(REC[o + R_MARGIN_EVENTS] = marginEventCount());
  unchecked(REC[o + R_CASH_T] = unchecked(FIRM[CASH]));
  unchecked(REC[o + R_MINED_T] = minedTotal);
  unchecked(REC[o + R_CONVERSIONS] = conversionCount());
  unchecked(REC[o + R_REFINANCINGS] = refinancingCount());
  unchecked(REC[o + R_SHARES_T] = sharesOutstanding());
  unchecked(REC[o + R_ATM_USD] = atmRaisedUsd());
  unchecked(REC[o + R_ESTATE_USD] = defaultDay > 0 ? recoveryEstateUsd() : 0.0);
  unchecked(REC[o + R_UNSECURED_RECOVERY] = defaultDay > 0 ? recoveryUnsecuredRate() : 0.0);
  unchecked(REC[o + R_CLAIMS_USD] = defaultDay > 0 ? recoveryClaimsUsd() : 0.0);
  unchecked(REC[o + R_LOSS_USD] = defaultDay > 0 ? recoveryLossUsd() : 0.0);
  unchecked(REC[o + R_SPV_DEFAULTS] = spvDefaultCount());
  for (let i = 0; i < 2; i++) {
    unchecked(REC[o + R_REFRESH_BASE + i] = refreshRecord(i));
    unchecked(REC[o + R_HOSTING_BASE + i] = hostingRecord(i));
  }
}

/** Simulate paths firstPath … firstPath + nPaths − 1 (nPaths ≤ MAX_CHUNK); records go to REC[0 … nPaths). */
export function simulate(firstPath: i32, nPaths: i32): void {
  const seed = <i32>unchecked(P[P_SEED]);
  // Credit sums are kept per batch of BATCH_PATHS paths (chunks are whole batches), merged in batch order (§2).
  const used = (((nPaths + BATCH_PATHS - 1) / BATCH_PATHS) | 0) * TRANCHE_SLOTS * B_STRIDE;
  for (let i = 0; i < used; i++) unchecked(BATCH[i] = 0.0);
  for (let q = 0; q < nPaths; q++) {
    const path = firstPath + q;
    seedPath(seed, path);
    simulatePath(path, q);
  }
}
