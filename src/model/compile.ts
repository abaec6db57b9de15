// Scenario → the kernel's numeric layout (assembly/layout.ts). All calendar work and every parameter transform
// happens here, once per run, with the project's own exp/log (never Math.exp/log/pow: browsers may differ in the
// last bit, and the same scenario + seed must give the same numbers everywhere, §2).
import './portable-runtime';
import type { Scenario } from './scenario';
import { START, HISTORY_HASHPRICE, HISTORY_PEAK } from './start-state';
import { exp, log } from '../../assembly/mathx';
import { subsidyBtc, HASH_PER_DIFF } from '../../assembly/hashprice';
import * as L from '../../assembly/layout';
import { daysBetween, monthEndDays, addMonths, addDays } from './calendar';
import * as H from '../../assembly/hosting';
import * as RF from '../../assembly/refresh';

const DT = 1 / 365.25;
const LN2 = log(2);
const K_PH_DAY = 86400.0e15 / 4294967296.0;
const pow = (a: number, b: number) => exp(b * log(a));
const NEVER = 1e9;

export interface CompiledScenario {
  P: Float64Array;
  G: Float64Array;
  T: Float64Array;
  Y: Float64Array;
  monthEnd: Int32Array;
  historyLnHp: Float64Array;
  histCenter: Float64Array;
  /** AI/HPC hosting contracts, HC_STRIDE values each (assembly/hosting.ts). */
  H: Float64Array;
  days: number;
  months: number;
  paths: number;
  seed: number;
  /** Cash breakevens at the start (model-spec §10 Credit outputs). */
  breakeven: { hashpriceUsdPerPhDay: number | null; btcPriceUsd: number | null };
  /** ISO date of each month end, index 0 = start date. */
  monthDates: string[];
  trancheIds: string[];
  startDate: string;
}

const PRICE_MODELS = { gbm: 0, merton: 1, studentT: 2, regime: 3 } as const;
const TRANCHE_TYPES = { bond: 0, term_loan: 1, convertible: 2, btc_backed_loan: 3 } as const;

/** Payment schedule of one tranche: d_k = maturity − k·(12/paymentsPerYear) months (§6, §11.8). */
export function paymentDates(maturity: string, paymentsPerYear: number, start: string): { dates: string[]; before: string } {
  const step = 12 / paymentsPerYear;
  const dates: string[] = [];
  let k = 0;
  for (;;) {
    const d = addMonths(maturity, -k * step);
    if (daysBetween(start, d) <= 0) return { dates: dates.reverse(), before: d };
    dates.push(d);
    k++;
  }
}

/** Defaults of the AI load's utilisation u_t (model-spec §10 Dynamic load management), and its seasonal peak. */
export const HOSTING_LOAD = { mean: 0.85, seasonalAmplitude: 0.1, noiseSd: 0.05, min: 0.7, max: 1.0, peakDayOfYear: 195 } as const;
/** Build phases that can each slip: the building (shell and MEP) and its energisation. */
export const HOSTING_PHASES = 2;

/**
 * AI/HPC hosting (model-spec §10; docs/model.md "AI/HPC hosting and dynamic load"): the per-contract table of
 * assembly/hosting.ts, the utilisation parameters, and each financed contract's project loan as a `term_loan`
 * tranche after the scenario's own (k = debt.length, …): drawn at signing, interest quarterly from signing, the
 * principal in equal parts on the quarterly dates after the scheduled first rent, maturity loanYears after signing.
 */
function compileHosting(s: Scenario, P: Float64Array, T: Float64Array, pays: number[][]): { H: Float64Array; loanIds: string[] } {
  const start = s.start.date;
  const list = s.hosting;
  if (list.length > H.MAX_HOSTING) throw new Error(`at most ${H.MAX_HOSTING} hosting contracts`);
  const HC = new Float64Array(list.length * H.HC_STRIDE);
  P[H.PH_N] = list.length;
  P[H.PH_U_MEAN] = HOSTING_LOAD.mean;
  P[H.PH_U_AMP] = HOSTING_LOAD.seasonalAmplitude;
  P[H.PH_U_SD] = HOSTING_LOAD.noiseSd;
  P[H.PH_U_MIN] = HOSTING_LOAD.min;
  P[H.PH_U_MAX] = HOSTING_LOAD.max;
  P[H.PH_SEASON_DAY0] = daysBetween(`${start.slice(0, 4)}-01-01`, start) - HOSTING_LOAD.peakDayOfYear;
  P[H.PH_PHASES] = HOSTING_PHASES;
  const loanIds: string[] = [];
  list.forEach((h, c) => {
    const o = c * H.HC_STRIDE;
    const signDay = daysBetween(start, h.startDate);
    const rentDate = addMonths(h.startDate, h.monthsToFirstRent);
    const rentDay0 = daysBetween(start, rentDate);
    const capex = h.capexUsdPerMwIt * h.mwIt;
    HC[o + H.HC_MW_IT] = h.mwIt;
    HC[o + H.HC_GROSS_MW] = h.grossToIt * h.mwIt;
    HC[o + H.HC_SIGN_DAY] = signDay;
    HC[o + H.HC_RENT_DAY0] = rentDay0;
    HC[o + H.HC_RENT_PER_DAY] = (h.usdPerMwItYear * h.mwIt) / 365.25;
    HC[o + H.HC_ESCALATOR] = h.escalatorPerYear;
    HC[o + H.HC_NOI] = h.noiMargin;
    HC[o + H.HC_CAPEX_PER_DAY] = ((1 - h.loanToCost) * capex) / (rentDay0 - signDay);
    HC[o + H.HC_DELAY_P] = h.delayProbPerPhase;
    HC[o + H.HC_DELAY_MONTHS] = h.delayMonths;
    HC[o + H.HC_MAX_DELAY_MONTHS] = h.maxDelayMonthsBeforeTermination;
    HC[o + H.HC_TERM_DAYS] = Math.round(h.termYears * 365.25);
    HC[o + H.HC_HAZARD] = h.tenantDefaultPerYear;
    HC[o + H.HC_BACKSTOP] = h.backstopUsd;
    HC[o + H.HC_RELET_DAYS] = Math.round(h.reletMonths * H.DAYS_PER_MONTH);
    HC[o + H.HC_RELET_KEEP] = 1 - h.reletDiscount;
    HC[o + H.HC_INTERRUPTIBLE] = h.interruptibleShare;

    const loan = h.loanToCost * capex;
    if (!(loan > 0)) return;
    const dates: string[] = [];
    for (let q = 1; q <= 4 * h.loanYears; q++) dates.push(addMonths(h.startDate, 3 * q));
    const amortising = dates.filter((d) => d > rentDate);
    const perDate = loan / Math.max(1, amortising.length);
    const due = (d: string, i: number) => (d > rentDate || i === dates.length - 1 ? perDate : 0);
    // A loan signed before the start has paid the principal due on its past dates.
    let outstanding = loan;
    let prev = h.startDate;
    let i = 0;
    for (; i < dates.length && daysBetween(start, dates[i]) <= 0; i++) {
      outstanding -= due(dates[i], i);
      prev = dates[i];
    }
    if (i === dates.length || !(outstanding > 0)) return; // repaid before the start
    const k = s.debt.length + loanIds.length;
    if (k >= L.MAX_TRANCHE) throw new Error(`at most ${L.MAX_TRANCHE} tranches, project loans of hosting contracts included`);
    const t = k * L.T_STRIDE;
    T[t + L.T_TYPE] = TRANCHE_TYPES.term_loan;
    T[t + L.T_PRINCIPAL] = outstanding;
    T[t + L.T_RATE] = h.loanRate;
    T[t + L.T_MATURITY_DAY] = daysBetween(start, dates[dates.length - 1]);
    T[t + L.T_LAST_PAY_DAY] = daysBetween(start, prev);
    if (h.nonRecourse) {
      // The project loan and the contract form a non-recourse SPV (assembly/capital.ts spvDay).
      T[t + L.T_SPV] = c + 1;
      HC[c * H.HC_STRIDE + H.HC_SPV] = 1;
    }
    for (; i < dates.length; i++) {
      const final = i === dates.length - 1;
      pays.push([daysBetween(start, dates[i]), k, daysBetween(prev, dates[i]) / 365.25, final ? 0 : due(dates[i], i), final ? 1 : 0]);
      prev = dates[i];
    }
    loanIds.push(`${h.name} (project loan)`);
  });
  return { H: HC, loanIds };
}

export function compileScenario(s: Scenario): CompiledScenario {
  const P = new Float64Array(L.P_SIZE);
  const start = s.start.date;
  const months = s.run.months;
  const monthEnd = monthEndDays(start, months);
  const days = monthEnd[months];
  P[L.P_SEED] = s.run.seed | 0; // the seed's 32 bits, as a signed integer
  P[L.P_DAYS] = days;
  P[L.P_MONTHS] = months;
  P[L.P_FIRM_ON] = 1;

  // ---- price (§3) ----
  const pr = s.market.price;
  const sqrtDt = Math.sqrt(DT);
  P[L.P_PRICE_MODEL] = PRICE_MODELS[pr.model];
  P[L.P_MU] = pr.mu;
  P[L.P_SIGMA] = pr.sigma;
  P[L.P_M_LAMBDA] = pr.merton.lambda;
  P[L.P_M_JMEAN] = pr.merton.jumpMean;
  P[L.P_M_JSD] = pr.merton.jumpSd;
  P[L.P_M_SIGD] = pr.merton.sigmaDiffusion;
  P[L.P_T_NU] = pr.studentT.nu;
  const rg = pr.regime;
  P[L.P_R_SIGC] = rg.sigmaCalm;
  P[L.P_R_SIGT] = rg.sigmaTurbulent;
  P[L.P_R_PCT] = rg.pCalmToTurbulent;
  P[L.P_R_PTC] = rg.pTurbulentToCalm;
  P[L.P_R_START] = rg.startRegime === 'stationary' ? 0 : rg.startRegime === 'calm' ? 1 : 2;
  P[L.P_R_STATIONARY_CALM] = rg.pTurbulentToCalm / (rg.pCalmToTurbulent + rg.pTurbulentToCalm);
  if (pr.model === 'merton') {
    const { lambda, jumpMean: m, jumpSd: sd, sigmaDiffusion: sD } = pr.merton;
    const k = exp(m + 0.5 * sd * sd) - 1; // E[e^Y] − 1: the compensator keeps E[P_t] = P₀e^{μt}
    P[L.P_DRIFT_DAY] = (pr.mu - 0.5 * sD * sD - lambda * k) * DT;
    P[L.P_VOL_DAY] = sD * sqrtDt;
  } else if (pr.model === 'regime') {
    P[L.P_DRIFT_DAY] = (pr.mu - 0.5 * rg.sigmaCalm * rg.sigmaCalm) * DT;
    P[L.P_VOL_DAY] = rg.sigmaCalm * sqrtDt;
    P[L.P_DRIFT_TURB] = (pr.mu - 0.5 * rg.sigmaTurbulent * rg.sigmaTurbulent) * DT;
    P[L.P_VOL_TURB] = rg.sigmaTurbulent * sqrtDt;
  } else {
    P[L.P_DRIFT_DAY] = (pr.mu - 0.5 * pr.sigma * pr.sigma) * DT;
    P[L.P_VOL_DAY] = pr.sigma * sqrtDt;
  }

  // ---- fees (§4 Fees): daily AR(1) with the monthly coefficient's stationary variance ----
  const fe = s.market.fees;
  const phiDay = pow(fe.phiMonthly, 1 / 30.44);
  P[L.P_FEE_XBAR] = log(fe.longRunShare / (1 - fe.longRunShare));
  P[L.P_FEE_PHI] = phiDay;
  P[L.P_FEE_SD] = fe.phiMonthly < 1
    ? fe.sdMonthly * Math.sqrt((1 - phiDay * phiDay) / (1 - fe.phiMonthly * fe.phiMonthly))
    : fe.sdMonthly / Math.sqrt(30.44);
  P[L.P_FEE_SPIKE_P] = fe.spikeProbMonthly / 30.44;
  P[L.P_FEE_SPIKE_MIN] = fe.spikeMin;
  P[L.P_FEE_SPIKE_MAX] = fe.spikeMax;
  P[L.P_FEE_SPIKE_DAYS] = fe.spikeDays;

  // ---- start state (§1) ----
  const st = s.start;
  P[L.P_PRICE0] = st.priceUsd;
  P[L.P_DIFF0] = st.difficulty;
  P[L.P_HEIGHT0] = st.nextHeight;
  const endOfStartDay = Date.parse(addDays(start, 1) + 'T00:00:00Z');
  P[L.P_EPOCH_START_T] = (Date.parse(st.epochStartTime) - endOfStartDay) / 86_400_000;
  P[L.P_FEE_X0] = log(st.feeShare / (1 - st.feeShare));
  const hashrate0 = (st.difficulty * HASH_PER_DIFF) / 600 / 1e18;
  P[L.P_HASHRATE0_EHS] = hashrate0;

  // ---- network (§4) ----
  const n = s.network;
  P[L.P_NET_MODEL] = n.model === 'exogenous' ? 1 : 0;
  P[L.P_BLOCK_LUCK] = n.blockLuck ? 1 : 0;
  P[L.P_LN_BE_MEDIAN] = log(n.breakevenMedian);
  P[L.P_BE_SPREAD] = n.breakevenSpread;
  P[L.P_MUST_RUN] = n.mustRunShare;
  P[L.P_SHUTDOWN_LAMBDA] = 1 - exp(-LN2 / n.shutdownHalfLifeDays);
  P[L.P_LN_HURDLE] = log(n.investmentHurdle);
  P[L.P_LN_EFF_DECAY] = log(1 - n.efficiencyGain);
  P[L.P_KAPPA_D] = 1 - pow(1 - n.kappaPerEpoch, 1 / 14);
  P[L.P_LAG_DAYS] = n.lagDays;
  P[L.P_SD_D] = n.sigmaPerEpoch / Math.sqrt(14);
  P[L.P_OUT_P_DAY] = n.outage.probPerEpoch / 14;
  P[L.P_OUT_MIN] = n.outage.sizeMin;
  P[L.P_OUT_MAX] = n.outage.sizeMax;
  P[L.P_OUT_DECAY] = exp(-LN2 / n.outage.halfLifeDays);
  P[L.P_EXO_DRIFT] = n.exogenous.driftPerEpoch;
  P[L.P_EXO_SD] = n.exogenous.sdPerEpoch;

  // ---- miner (§5) ----
  const mi = s.miner;
  const pw = mi.power;
  P[L.P_UPTIME] = mi.uptime;
  P[L.P_POOL_FEE] = mi.poolFee;
  P[L.P_CAP_MW] = pw.capacityMw;
  P[L.P_CONTRACT] = pw.contractUsdPerMwh;
  P[L.P_HEDGED] = pw.hedgedShare;
  P[L.P_RESALE] = pw.resale ? 1 : 0;
  P[L.P_DR_PER_DAY] = (pw.demandResponseUsdPerMwYear * pw.capacityMw) / 365.25;
  P[L.P_LN_SPOT_MEAN] = log(pw.spot.meanUsdPerMwh);
  const spotPhi = exp(-LN2 / pw.spot.halfLifeDays);
  const theta = LN2 / (pw.spot.halfLifeDays / 365.25);
  P[L.P_SPOT_PHI] = spotPhi;
  P[L.P_SPOT_SD] = pw.spot.sigma * Math.sqrt((1 - spotPhi * spotPhi) / (2 * theta));
  P[L.P_SPOT_CORR] = pw.spot.corrWithBtc;
  P[L.P_SPOT_IDIO] = Math.sqrt(1 - pw.spot.corrWithBtc * pw.spot.corrWithBtc);
  P[L.P_SHOCK_P_DAY] = pw.spot.shockProbPerYear / 365.25;
  P[L.P_SHOCK_MULT] = pw.spot.shockMultiplier;
  P[L.P_SHOCK_DAYS] = pw.spot.shockDays;
  P[L.P_SGA_PER_DAY] = mi.costs.sgaUsdPerQuarter / 91.3125;
  P[L.P_SGA_PER_EHS_DAY] = mi.costs.sgaUsdPerQuarterPerEhs / 91.3125;
  P[L.P_OTHER_OPEX] = mi.costs.otherOpexUsdPerPhDay;
  const tr = mi.treasury;
  P[L.P_CASH0] = tr.cashUsd;
  P[L.P_BTC0] = tr.btc;
  P[L.P_SELL_SHARE] = tr.sellShareOfProduction;
  P[L.P_BUFFER_DAYS] = tr.bufferDays;
  P[L.P_HAIRCUT] = tr.btcSaleHaircut;

  // Equity and capital-market access (§10). The share price is simulated only when something uses it.
  const eq = s.equity;
  const cm = s.capitalMarkets;
  const convertibleTerms = s.debt.some((d) => d.type === 'convertible' && d.conversionPriceUsd > 0);
  P[L.P_EQ_ON] = convertibleTerms || cm.atmEquity ? 1 : 0;
  P[L.P_EQ_BETA] = eq.beta;
  P[L.P_EQ_VOL_DAY] = eq.sigmaIdio * sqrtDt;
  P[L.P_EQ_DRIFT_DAY] = -0.5 * eq.sigmaIdio * eq.sigmaIdio * DT;
  P[L.P_EQ_PRICE0] = eq.priceUsd;
  P[L.P_EQ_SHARES0] = eq.sharesOutstanding;
  P[L.P_ACCESS_ON] = cm.refinancing || cm.atmEquity ? 1 : 0;
  P[L.P_ACCESS_MAX_DRAWDOWN] = cm.maxDrawdownFromPeak;
  P[L.P_ACCESS_MAX_LEVERAGE] = cm.maxNetDebtToEbitda;
  // The running peak includes the history's (§10), rescaled like the rest of the history to an overridden start price.
  P[L.P_PEAK0] = HISTORY_PEAK.priceUsd * (st.priceUsd / START.priceUsd);
  P[L.P_REFI_ON] = cm.refinancing ? 1 : 0;
  P[L.P_REFI_RATE] = cm.baseRate + cm.spread;
  P[L.P_REFI_DAYS] = Math.round(cm.refinanceYears * 365.25);
  P[L.P_ATM_ON] = cm.atmEquity ? 1 : 0;
  P[L.P_ATM_SHARE] = cm.atmShareOfMarketCapPerQuarter;
  P[L.P_ATM_DISCOUNT] = cm.atmDiscount;

  // Fleet, most efficient first (curtailment and the power cap fill by efficiency, §5).
  const fleet = mi.fleet
    .map((g, i) => ({ g, i }))
    .sort((a, b) => a.g.efficiencyJPerTh - b.g.efficiencyJPerTh || a.i - b.i);
  if (fleet.length > L.MAX_GEN) throw new Error(`at most ${L.MAX_GEN} fleet generations`);
  const G = new Float64Array(L.MAX_GEN * L.G_STRIDE);
  fleet.forEach(({ g }, j) => {
    G[j * L.G_STRIDE + L.G_HASH_EHS] = g.hashrateEhs;
    G[j * L.G_STRIDE + L.G_JPTH] = g.efficiencyJPerTh;
    G[j * L.G_STRIDE + L.G_RETIRE_DAY] = g.retireDate ? daysBetween(start, g.retireDate) : NEVER;
    // Fleet refresh degrades G_HASH_EHS in place during a path and restores it from here at the next (refresh.ts).
    G[j * L.G_STRIDE + RF.G_HASH0_EHS] = g.hashrateEhs;
  });
  P[L.P_N_GEN] = fleet.length;

  // Fleet refresh (§10; docs/model.md "Fleet refresh"): yearly rates become exact daily factors.
  const rf = mi.refresh;
  P[RF.PR_POLICY] = rf.policy === 'holdShare' ? RF.POLICY_HOLD_SHARE : rf.policy === 'budget' ? RF.POLICY_BUDGET : RF.POLICY_NONE;
  P[RF.PR_BUDGET] = rf.budgetUsdPerQuarter;
  P[RF.PR_FUNDING] = rf.funding === 'facility' ? RF.FUNDING_FACILITY : RF.FUNDING_CASH;
  P[RF.PR_FAC_RATE] = rf.facility.rate;
  P[RF.PR_FAC_TERM] = rf.facility.termMonths;
  P[RF.PR_FAC_LIMIT] = rf.facility.limitUsd;
  P[RF.PR_FRONTIER_J0] = rf.frontierJPerThAtStart;
  P[RF.PR_FRONTIER_DAY] = exp(log(1 - rf.frontierImprovementPerYear) * DT);
  P[RF.PR_PRICE_DAYS] = rf.asicPriceDaysOfHashprice;
  P[RF.PR_PRICE_FLOOR] = rf.asicPriceFloorUsdPerTh;
  P[RF.PR_DEGRADE_DAY] = exp(log(1 - rf.degradationPerYear) * DT);
  P[RF.PR_RETIRE_DAYS] = rf.uneconomicDaysToRetire;
  P[RF.PR_DELIVERY] = rf.deliveryDays;
  P[RF.PR_POWER_LIMIT] = rf.limitToPowerCapacity ? 1 : 0;

  // Debt (§6, §11.1, §11.8).
  if (s.debt.length > L.MAX_TRANCHE) throw new Error(`at most ${L.MAX_TRANCHE} debt tranches`);
  const T = new Float64Array(L.MAX_TRANCHE * L.T_STRIDE);
  const pays: number[][] = [];
  s.debt.forEach((d, k) => {
    const o = k * L.T_STRIDE;
    const btcLoan = d.type === 'btc_backed_loan';
    T[o + L.T_TYPE] = TRANCHE_TYPES[d.type];
    T[o + L.T_PRINCIPAL] = d.principalUsd;
    T[o + L.T_RATE] = btcLoan ? d.rate : d.couponRate;
    T[o + L.T_MATURITY_DAY] = daysBetween(start, d.maturityDate);
    T[o + L.T_COLLATERAL_BTC] = btcLoan ? d.collateralBtc : 0;
    T[o + L.T_MARGIN_LTV] = d.marginCallLtv;
    T[o + L.T_TOPUP_LTV] = d.topUpToLtv;
    T[o + L.T_CROSS_DEFAULT] = d.crossDefault ? 1 : 0;
    if (d.type === 'convertible' && d.conversionPriceUsd > 0) {
      T[o + L.T_CONV_PRICE] = d.conversionPriceUsd;
      T[o + L.T_PUT_DAY] = d.putDate ? daysBetween(start, d.putDate) : 0;
      T[o + L.T_PUT_CONDITIONAL] = d.putConditional ? 1 : 0;
      T[o + L.T_CALL_DAY] = d.softCallDate ? daysBetween(start, d.softCallDate) : 0;
      T[o + L.T_SETTLEMENT] = d.settlement === 'physical' ? L.SETTLE_PHYSICAL : d.settlement === 'cash' ? L.SETTLE_CASH : L.SETTLE_NET_SHARE;
    }
    // A BTC-backed loan pays interest monthly and its principal at maturity (§11.1).
    const ppy = btcLoan ? 12 : d.paymentsPerYear;
    const { dates, before } = paymentDates(d.maturityDate, ppy, start);
    T[o + L.T_LAST_PAY_DAY] = daysBetween(start, before);
    const linear = !btcLoan && d.amortization === 'linear';
    const perDate = linear ? d.principalUsd / dates.length : 0;
    let prev = before;
    dates.forEach((date, i) => {
      const final = i === dates.length - 1;
      pays.push([daysBetween(start, date), k, daysBetween(prev, date) / 365.25, perDate, final ? 1 : 0]);
      prev = date;
    });
  });
  // AI/HPC hosting (§10): the contract table, and each financed contract's project loan as a tranche after debt[].
  const hosting = compileHosting(s, P, T, pays);
  pays.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (pays.length > L.MAX_PAY) throw new Error(`at most ${L.MAX_PAY} debt payments in all`);
  const Y = new Float64Array(L.MAX_PAY * L.Y_STRIDE);
  pays.forEach((row, i) => row.forEach((v, j) => (Y[i * L.Y_STRIDE + j] = v)));
  P[L.P_N_TRANCHE] = s.debt.length + hosting.loanIds.length;
  // SPV debt and equipment loans among debt[] (§10; names checked by resolveScenario).
  s.debt.forEach((d, k) => {
    if (d.spv !== undefined) {
      const c = s.hosting.findIndex((h) => h.name === d.spv);
      T[k * L.T_STRIDE + L.T_SPV] = c + 1;
      hosting.H[c * H.HC_STRIDE + H.HC_SPV] = 1;
    }
    if (d.collateralGeneration !== undefined) {
      const row = fleet.findIndex(({ g }) => g.name === d.collateralGeneration);
      T[k * L.T_STRIDE + L.T_COLL_GEN] = row + 1;
    }
  });
  P[L.P_SPV_MIN_DSCR] = s.covenants.minDscr;
  P[L.P_SPV_BREACHES] = s.covenants.breachedQuartersToDefault;
  P[L.P_N_PAY] = pays.length;

  // History of hashprice for the capacity lag, rescaled to an overridden start price/difficulty (§11.4).
  const historyLnHp = new Float64Array(L.MAX_LAG + 1);
  const scale = (st.priceUsd / START.priceUsd) * (START.difficulty / st.difficulty);
  const perBlock0 = subsidyBtc(st.nextHeight) * (1 + st.feeShare / (1 - st.feeShare));
  const hp0 = (st.priceUsd * K_PH_DAY * perBlock0) / st.difficulty;
  const hist = HISTORY_HASHPRICE;
  for (let j = 0; j <= L.MAX_LAG; j++) {
    const idx = hist.length - 1 - (L.MAX_LAG - j);
    historyLnHp[j] = idx >= 0 && hist.length > 0 ? log(hist[idx] * scale) : log(hp0);
  }

  // Histogram centres (§7): ln of each positive variable's start value.
  const runningEhs0 = mi.fleet.reduce((a, g) => a + g.hashrateEhs, 0) * mi.uptime;
  const share0 = runningEhs0 / hashrate0;
  const minedMonth0 = runningEhs0 * 1000 * ((K_PH_DAY * perBlock0) / st.difficulty) * (1 - mi.poolFee) * 30.44;
  const btcHeld0 = tr.btc + s.debt.reduce((a, d) => a + (d.type === 'btc_backed_loan' ? d.collateralBtc : 0), 0);
  const histCenter = new Float64Array(L.N_VARS);
  const safeLog = (x: number) => log(x > 1e-12 ? x : 1);
  histCenter[L.V_PRICE] = log(st.priceUsd);
  histCenter[L.V_DIFFICULTY] = log(st.difficulty);
  histCenter[L.V_HASHRATE] = log(hashrate0);
  histCenter[L.V_HASHPRICE] = log(hp0);
  histCenter[L.V_SHARE] = safeLog(share0);
  histCenter[L.V_MINED] = safeLog(minedMonth0);
  histCenter[L.V_BTC] = safeLog(btcHeld0);

  // Recovery at default (§10): asset valuation and bankruptcy costs.
  const rc = s.recovery;
  P[L.P_RC_BANKRUPTCY_COST] = rc.bankruptcyCostShare;
  P[L.P_RC_BTC_HAIRCUT] = rc.btcHaircut;
  // The fleet is valued with fleet refresh's ASIC pricing (one set of inputs, miner.refresh).
  P[L.P_RC_ASIC_DAYS] = rf.asicPriceDaysOfHashprice;
  P[L.P_RC_ASIC_FLOOR] = rf.asicPriceFloorUsdPerTh;
  P[L.P_RC_FRONTIER_J0] = rf.frontierJPerThAtStart;
  P[L.P_RC_LN_FRONTIER_DECAY] = log(1 - rf.frontierImprovementPerYear);
  P[L.P_RC_DC_RATE] = rc.dataCentreDiscountRate;

  const monthDates: string[] = [];
  for (let m = 0; m <= months; m++) monthDates.push(addMonths(start, m));
  // Compact copies: the arrays cross the worker boundary with every chunk.
  return {
    breakeven: cashBreakevens(s, (K_PH_DAY * perBlock0) / st.difficulty),
    P,
    G: G.slice(0, fleet.length * L.G_STRIDE),
    T: T.slice(0, (s.debt.length + hosting.loanIds.length) * L.T_STRIDE),
    H: hosting.H,
    Y: Y.slice(0, pays.length * L.Y_STRIDE),
    monthEnd, historyLnHp, histCenter, days, months,
    paths: s.run.paths, seed: s.run.seed, monthDates,
    // Refinancing notes created during a path take the slots after the scenario's tranches.
    trancheIds: [...s.debt.map((d, k) => d.id ?? `debt[${k}]`), ...hosting.loanIds, ...Array.from({ length: L.MAX_REFI }, (_, i) => `refinancing-${i + 1}`)],
    startDate: start,
  };
}

/**
 * Cash breakevens at the start: the hashprice (and the BTC price, at today's difficulty and fees) at which the fleet,
 * running in full within its power cap, covers power, SG&A, other opex and the year's interest, net of demand
 * response. Principal repayments are not included (they are the refinancing question).
 */
export function cashBreakevens(s: Scenario, btcPerPhDay: number): { hashpriceUsdPerPhDay: number | null; btcPriceUsd: number | null } {
  const mi = s.miner;
  const pw = mi.power;
  const price = pw.resale ? pw.spot.meanUsdPerMwh : pw.hedgedShare * pw.contractUsdPerMwh + (1 - pw.hedgedShare) * pw.spot.meanUsdPerMwh;
  let cap = pw.capacityMw, runningPh = 0, mw = 0, nameplate = 0;
  for (const g of [...mi.fleet].sort((a, b) => a.efficiencyJPerTh - b.efficiencyJPerTh)) {
    nameplate += g.hashrateEhs;
    const need = g.hashrateEhs * mi.uptime * g.efficiencyJPerTh;
    const frac = need > cap ? Math.max(0, cap) / need : 1;
    runningPh += g.hashrateEhs * 1000 * mi.uptime * frac;
    mw += need * frac;
    cap -= need * frac;
  }
  if (runningPh <= 0) return { hashpriceUsdPerPhDay: null, btcPriceUsd: null };
  const hedgedMwh = pw.hedgedShare * pw.capacityMw * 24;
  const powerUsd = pw.resale ? hedgedMwh * pw.contractUsdPerMwh + (mw * 24 - hedgedMwh) * pw.spot.meanUsdPerMwh : mw * 24 * price;
  const overhead = (mi.costs.sgaUsdPerQuarter + mi.costs.sgaUsdPerQuarterPerEhs * nameplate) / 91.3125 + mi.costs.otherOpexUsdPerPhDay * runningPh;
  const interest = s.debt.reduce((a, d) => a + d.principalUsd * (d.type === 'btc_backed_loan' ? d.rate : d.couponRate), 0) / 365.25;
  const dr = (pw.demandResponseUsdPerMwYear * pw.capacityMw) / 365.25;
  const hp = (powerUsd + overhead + interest - dr) / (runningPh * (1 - mi.poolFee));
  return { hashpriceUsdPerPhDay: hp, btcPriceUsd: hp / btcPerPhDay };
}
