// How each variable's fan chart is titled, scaled and labelled. Units follow VAR_UNITS (engine/results.ts).
import type { VarKey } from '../../../engine/results';
import { formatRound, formatSi, formatUsdShort, pctTickFormat } from '../../charts/format';
import type { Value } from '../../charts/scales';

export interface FanSpec {
  key: VarKey;
  title: string;
  /** Axis unit, written above the y axis. */
  unit: string;
  scale: 'log' | 'linear';
  /** Firm variables are taken over surviving paths only. */
  firm: boolean;
  /** The value on the start date is meaningful (not for the miner's share, which the kernel records as 0 there). */
  fromStart?: boolean;
  tickFormat: (ticks: Value[]) => (v: Value) => string;
  /** A single value in text (tooltips, captions). */
  format: (v: number) => string;
}

const usd = () => (v: Value) => formatUsdShort(v as number);
const pctOfOne = (v: number) => `${(v * 100).toFixed(2)} %`;

export const FAN_SPECS: Record<string, FanSpec> = {
  btcPriceUsd: { key: 'btcPriceUsd', title: 'BTC price', unit: 'USD per BTC · log scale', scale: 'log', firm: false, tickFormat: usd, format: formatUsdShort },
  hashpriceUsdPerPhDay: { key: 'hashpriceUsdPerPhDay', title: 'Hashprice', unit: 'USD per PH/s per day · log scale', scale: 'log', firm: false, tickFormat: usd, format: (v) => `${formatUsdShort(v)}/PH/day` },
  networkHashrateEhs: { key: 'networkHashrateEhs', title: 'Network hashrate', unit: 'EH/s · log scale', scale: 'log', firm: false, tickFormat: () => (v) => formatRound(v as number), format: (v) => `${formatRound(v)} EH/s` },
  difficulty: { key: 'difficulty', title: 'Difficulty', unit: 'difficulty (T = 10¹²) · log scale', scale: 'log', firm: false, tickFormat: () => (v) => formatSi(v as number), format: formatSi },
  minerShare: { key: 'minerShare', title: "Miner's share of network hashrate", unit: '% of network hashrate', scale: 'linear', firm: true, fromStart: false, tickFormat: (t) => { const f = pctTickFormat(t as number[]); return (v) => f(v as number); }, format: pctOfOne },
  cashUsd: { key: 'cashUsd', title: 'Cash', unit: 'USD', scale: 'linear', firm: true, tickFormat: usd, format: formatUsdShort },
  netDebtUsd: { key: 'netDebtUsd', title: 'Net debt (principal − cash)', unit: 'USD', scale: 'linear', firm: true, tickFormat: usd, format: formatUsdShort },
};

/** The fan charts shown, in order; the network one can switch between hashrate and difficulty. */
export const FAN_ORDER: VarKey[][] = [['btcPriceUsd'], ['hashpriceUsdPerPhDay'], ['networkHashrateEhs', 'difficulty'], ['minerShare'], ['cashUsd'], ['netDebtUsd']];
