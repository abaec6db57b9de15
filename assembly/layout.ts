// The compiled-scenario layout shared by the host (src/model/compile.ts) and the kernels: index constants into the
// parameter vector P and the per-path record R. Portable AssemblyScript (also imported as TypeScript).
// The host does all calendar work (payment dates, month ends, retirement days) so the kernel only counts days.

// ---- scalar parameters P[...] ----
export const P_SEED: i32 = 0;
export const P_DAYS: i32 = 1; // number of daily steps simulated (end of the last month)
export const P_MONTHS: i32 = 2;
export const P_PRICE_MODEL: i32 = 3; // 0 gbm, 1 merton, 2 studentT, 3 regime
export const P_MU: i32 = 4;
export const P_SIGMA: i32 = 5;
export const P_M_LAMBDA: i32 = 6;
export const P_M_JMEAN: i32 = 7;
export const P_M_JSD: i32 = 8;
export const P_M_SIGD: i32 = 9;
export const P_T_NU: i32 = 10;
export const P_R_SIGC: i32 = 11;
export const P_R_SIGT: i32 = 12;
export const P_R_PCT: i32 = 13;
export const P_R_PTC: i32 = 14;
export const P_R_START: i32 = 15; // 0 stationary, 1 calm, 2 turbulent
export const P_FEE_XBAR: i32 = 16; // ln(s̄/(1 − s̄))
export const P_FEE_PHI: i32 = 17; // daily AR(1) coefficient
export const P_FEE_SD: i32 = 18; // daily innovation sd
export const P_FEE_SPIKE_P: i32 = 19; // daily start probability
export const P_FEE_SPIKE_MIN: i32 = 20;
export const P_FEE_SPIKE_MAX: i32 = 21;
export const P_FEE_SPIKE_DAYS: i32 = 22;
export const P_PRICE0: i32 = 23;
export const P_DIFF0: i32 = 24;
export const P_HEIGHT0: i32 = 25;
export const P_EPOCH_START_T: i32 = 26; // epoch start, in days relative to the end of the start day (≤ 0)
export const P_FEE_X0: i32 = 27;
export const P_NET_MODEL: i32 = 28; // 0 feedback, 1 exogenous
export const P_BLOCK_LUCK: i32 = 29;
export const P_LN_BE_MEDIAN: i32 = 30;
export const P_BE_SPREAD: i32 = 31;
export const P_MUST_RUN: i32 = 32;
export const P_SHUTDOWN_LAMBDA: i32 = 33; // 1 − 2^(−1/halfLife)
export const P_LN_HURDLE: i32 = 34;
export const P_LN_EFF_DECAY: i32 = 35; // ln(1 − efficiencyGain) per year
export const P_KAPPA_D: i32 = 36;
export const P_LAG_DAYS: i32 = 37;
export const P_SD_D: i32 = 38;
export const P_OUT_P_DAY: i32 = 39;
export const P_OUT_MIN: i32 = 40;
export const P_OUT_MAX: i32 = 41;
export const P_OUT_DECAY: i32 = 42; // 2^(−1/halfLife)
export const P_EXO_DRIFT: i32 = 43;
export const P_EXO_SD: i32 = 44;
export const P_UPTIME: i32 = 45;
export const P_POOL_FEE: i32 = 46;
export const P_CAP_MW: i32 = 47;
export const P_CONTRACT: i32 = 48;
export const P_HEDGED: i32 = 49;
export const P_RESALE: i32 = 50;
export const P_DR_PER_DAY: i32 = 51; // demand-response credit, USD per day
export const P_LN_SPOT_MEAN: i32 = 52;
export const P_SPOT_PHI: i32 = 53;
export const P_SPOT_SD: i32 = 54;
export const P_SPOT_CORR: i32 = 55;
export const P_SHOCK_P_DAY: i32 = 56;
export const P_SHOCK_MULT: i32 = 57;
export const P_SHOCK_DAYS: i32 = 58;
export const P_SGA_PER_DAY: i32 = 59; // fixed SG&A, USD per day
export const P_SGA_PER_EHS_DAY: i32 = 60; // SG&A per nameplate EH/s, USD per day
export const P_OTHER_OPEX: i32 = 61; // USD per running PH/s per day
export const P_CASH0: i32 = 62;
export const P_BTC0: i32 = 63;
export const P_SELL_SHARE: i32 = 64;
export const P_BUFFER_DAYS: i32 = 65;
export const P_HAIRCUT: i32 = 66;
export const P_N_GEN: i32 = 67;
export const P_N_TRANCHE: i32 = 68;
export const P_N_PAY: i32 = 69;
export const P_R_STATIONARY_CALM: i32 = 70; // stationary probability of the calm regime
export const P_HASHRATE0_EHS: i32 = 71; // H₀ = D₀·2³²/600
export const P_FIRM_ON: i32 = 72; // 0: market and network only (no firm ledger), for speed tests
export const P_DRIFT_DAY: i32 = 73; // daily drift of ln P (calm regime for `regime`)
export const P_VOL_DAY: i32 = 74; // daily volatility of ln P (diffusion part for `merton`)
export const P_DRIFT_TURB: i32 = 75;
export const P_VOL_TURB: i32 = 76;
export const P_SPOT_IDIO: i32 = 77; // √(1 − corr²)
// Equity and capital-market access (model-spec §10).
export const P_EQ_ON: i32 = 78; // 1 when the scenario has an equity block (share price simulated)
export const P_EQ_BETA: i32 = 79;
export const P_EQ_VOL_DAY: i32 = 80; // σ_idio·√Δ
export const P_EQ_DRIFT_DAY: i32 = 81; // −σ_idio²/2·Δ
export const P_EQ_PRICE0: i32 = 82;
export const P_EQ_SHARES0: i32 = 83;
export const P_ACCESS_ON: i32 = 84; // refinancing / ATM possible at all
export const P_ACCESS_MAX_DRAWDOWN: i32 = 85; // open while P > (1 − this)·running peak
export const P_ACCESS_MAX_LEVERAGE: i32 = 86; // open while net debt < this × trailing-12-month EBITDA
export const P_PEAK0: i32 = 87; // running peak of the BTC price in the history
export const P_REFI_ON: i32 = 88;
export const P_REFI_RATE: i32 = 89; // base + spread, per year
export const P_REFI_DAYS: i32 = 90; // term of a refinancing note, days
export const P_ATM_ON: i32 = 91;
export const P_ATM_SHARE: i32 = 92; // of market cap per quarter
export const P_ATM_DISCOUNT: i32 = 93;
// Fleet refresh (model-spec §10, assembly/refresh.ts): P[112 … 127].
export const P_REFRESH_BASE: i32 = 112;
// AI/HPC hosting and dynamic load (model-spec §10, assembly/hosting.ts): P[128 … 143].
export const P_HOSTING_BASE: i32 = 128;
// Recovery at default (model-spec §10): P[144 … 151].
export const P_RECOVERY_BASE: i32 = 144;
export const P_RC_BANKRUPTCY_COST: i32 = 144; // share of asset value lost to the process
export const P_RC_BTC_HAIRCUT: i32 = 145; // BTC sold at P·(1 − this)
export const P_RC_ASIC_DAYS: i32 = 146; // frontier ASIC price = this × hashprice per TH per day …
export const P_RC_ASIC_FLOOR: i32 = 147; // … but at least this, USD per TH
export const P_RC_FRONTIER_J0: i32 = 148; // frontier efficiency at the start, J/TH
export const P_RC_LN_FRONTIER_DECAY: i32 = 149; // ln(1 − yearly improvement)
export const P_RC_DC_RATE: i32 = 150; // discount rate of a data centre's remaining contracted NOI
export const P_SPV_MIN_DSCR: i32 = 151; // DSCR covenant of SPV debt (trailing 12 months)
export const P_SPV_BREACHES: i32 = 152; // consecutive breached quarters that default the SPV
export const P_SIZE: i32 = 160;

// ---- fleet generations, sorted by efficiency (best first): G[g*G_STRIDE + ...] ----
export const G_HASH_EHS: i32 = 0;
export const G_JPTH: i32 = 1;
export const G_RETIRE_DAY: i32 = 2; // runs on days t < retireDay
export const G_STRIDE: i32 = 4;
export const MAX_GEN: i32 = 32;

// ---- debt tranches in debt[] order: T[k*T_STRIDE + ...] ----
export const T_TYPE: i32 = 0; // 0 bond, 1 term_loan, 2 convertible, 3 btc_backed_loan
export const T_PRINCIPAL: i32 = 1;
export const T_RATE: i32 = 2; // couponRate, or rate for a btc_backed_loan
export const T_MATURITY_DAY: i32 = 3;
export const T_COLLATERAL_BTC: i32 = 4;
export const T_MARGIN_LTV: i32 = 5;
export const T_TOPUP_LTV: i32 = 6;
export const T_CROSS_DEFAULT: i32 = 7;
export const T_LAST_PAY_DAY: i32 = 8; // schedule date before the first payment after the start (may be < 0)
export const T_CONV_PRICE: i32 = 9; // convertible: conversion price, USD per share (0: repaid at par, no conversion)
export const T_PUT_DAY: i32 = 10; // holder put date as a day index (0: none)
export const T_PUT_CONDITIONAL: i32 = 11; // 1: the put is only available while S < conversion price
export const T_CALL_DAY: i32 = 12; // issuer soft call allowed from this day (0: never)
export const T_SETTLEMENT: i32 = 13; // 0 physical (shares), 1 cash, 2 net_share (par in cash, excess in shares)
export const T_SPV: i32 = 14; // 1 + hosting contract index whose SPV owes this tranche (non-recourse); 0: the parent
export const T_COLL_GEN: i32 = 15; // equipment loan: 1 + fleet row (G) whose machines secure it; 0: none
export const T_STRIDE: i32 = 16;
export const SETTLE_PHYSICAL: i32 = 0;
export const SETTLE_CASH: i32 = 1;
export const SETTLE_NET_SHARE: i32 = 2;
/** Refinancing notes created during a path occupy tranche slots after the scenario's own (kernel-managed). */
export const MAX_REFI: i32 = 8;
export const MAX_TRANCHE: i32 = 32;
/** Tranche slots in kernel arrays: the scenario's own plus refinancing notes. */
export const TRANCHE_SLOTS: i32 = 40;
export const TYPE_BOND: i32 = 0;
export const TYPE_TERM_LOAN: i32 = 1;
export const TYPE_CONVERTIBLE: i32 = 2;
export const TYPE_BTC_LOAN: i32 = 3;

// ---- payment schedule, sorted by (day, tranche): Y[i*Y_STRIDE + ...] ----
export const Y_DAY: i32 = 0;
export const Y_TRANCHE: i32 = 1;
export const Y_YEARFRAC: i32 = 2; // (d_k − d_{k−1})/365.25
export const Y_PRINCIPAL: i32 = 3; // scheduled principal (linear amortisation); the final payment repays the rest
export const Y_FINAL: i32 = 4; // 1 on the maturity date
export const Y_STRIDE: i32 = 5;
export const MAX_PAY: i32 = 8192;

// ---- time grid ----
export const MAX_MONTHS: i32 = 120;
export const MAX_LAG: i32 = 3650;

// ---- monthly output variables ----
export const V_PRICE: i32 = 0;
export const V_DIFFICULTY: i32 = 1;
export const V_HASHRATE: i32 = 2; // H_eff, EH/s
export const V_HASHPRICE: i32 = 3; // USD/PH/day (time-weighted mean of the month-end day)
export const V_SHARE: i32 = 4; // miner's running hashrate / network H_eff
export const V_MINED: i32 = 5; // BTC mined during the month
export const V_CASH: i32 = 6;
export const V_BTC: i32 = 7; // BTC held: free + pledged
export const V_NET_DEBT: i32 = 8; // principal outstanding − cash
export const N_VARS: i32 = 9;
export const FIRST_FIRM_VAR: i32 = 4; // firm variables stop at default

// ---- histograms: N_VARS × MAX_MONTHS × H_BINS integer counts; bin 0 underflow, H_BINS−1 overflow ----
export const H_INNER: i32 = 1024;
export const H_BINS: i32 = 1026;
export const H_LOG_SPAN: f64 = 8.0; // positive variables: ln(start value) ± 8
export const H_ASINH_SCALE: f64 = 1.0e6; // signed variables: asinh(x / $1M) over ±12
export const H_ASINH_SPAN: f64 = 12.0;

// ---- per-path record R[p*R_STRIDE + ...] ----
export const R_DEFAULT_DAY: i32 = 0; // 0: survived the horizon
export const R_CAUSE: i32 = 1;
export const R_TRANCHE: i32 = 2; // tranche index, −1 for none/operating
export const R_LNP_T: i32 = 3; // ln(P_T / P_0) at the last day
export const R_P_T: i32 = 4;
export const R_MARGIN_EVENTS: i32 = 5;
export const R_CASH_T: i32 = 6; // cash at the end (or at default)
export const R_MINED_T: i32 = 7; // BTC mined over the horizon
export const R_CONVERSIONS: i32 = 8; // convertible tranches converted into shares (maturity, put date or soft call)
export const R_REFINANCINGS: i32 = 9; // principal payments refinanced in the market
export const R_SHARES_T: i32 = 10; // shares outstanding at the end (dilution)
export const R_ATM_USD: i32 = 11; // equity raised at the market over the path, USD
// Recovery at default (capital.ts): R[12 … 15]; fleet refresh (refresh.ts): R[16 … 17]; hosting: R[18 … 19].
export const R_RECOVERY_BASE: i32 = 12;
export const R_REFRESH_BASE: i32 = 16;
export const R_HOSTING_BASE: i32 = 18;
export const R_SPV_DEFAULTS: i32 = 20; // non-recourse SPVs that defaulted on the path (the parent lives on)
export const R_STRIDE: i32 = 24;
export const MAX_CHUNK: i32 = 16384;
export const R_ESTATE_USD: i32 = 12; // asset value after bankruptcy costs, at default
export const R_UNSECURED_RECOVERY: i32 = 13; // recovery rate of the senior unsecured pool (0 … 1)
export const R_CLAIMS_USD: i32 = 14; // all debt claims at default (principal + accrued + unpaid)
export const R_LOSS_USD: i32 = 15; // creditors' loss at default

// ---- per-batch credit sums (merged in batch order, so float sums are chunk-invariant; §2) ----
// B[(b*TRANCHE_SLOTS + k)*B_STRIDE + …] for batch b of the chunk and tranche k.
export const BATCH_PATHS: i32 = 64;
export const B_LOSS_SHARE: i32 = 0; // Σ loss / the tranche's principal at the start (or when created)
export const B_LGD_SUM: i32 = 1; // Σ LGD over paths where the tranche had a claim at default
export const B_CLAIMS: i32 = 2; // number of such paths
export const B_LGD_BIN0: i32 = 3; // LGD histogram: LGD_BINS counts
export const LGD_BINS: i32 = 20;
export const B_STRIDE: i32 = 24;

export const CAUSE_NONE: i32 = 0;
export const CAUSE_LIQUIDITY: i32 = 1;
export const CAUSE_OPERATING: i32 = 2;
export const CAUSE_MATURITY: i32 = 3;
export const CAUSE_MARGIN_CALL: i32 = 4;
export const CAUSE_PUT: i32 = 5;
export const N_CAUSES: i32 = 6;

// ---- sample paths: the first N_SAMPLES paths, monthly: S[(p*N_VARS + v)*(MAX_MONTHS+1) + m] ----
export const N_SAMPLES: i32 = 20;
