// The one-line caveat printed beside every result: which of the model's strategic mechanisms a scenario uses.
// With none of them it is the model-spec §9 "stress view".
import type { Scenario } from './scenario';

export const STRESS_VIEW = 'stress view: converts repaid at par, no refinancing, no new machines';

export function scenarioView(s: Scenario): string {
  const converts = s.debt.some((d) => d.type === 'convertible' && d.conversionPriceUsd > 0);
  const refinancing = s.capitalMarkets.refinancing;
  const equity = s.capitalMarkets.atmEquity;
  const policy = s.miner.refresh.policy;
  const hostingMw = s.hosting.reduce((a, h) => a + h.mwIt, 0);
  if (!converts && !refinancing && !equity && policy === 'none' && hostingMw === 0) return STRESS_VIEW;
  return [
    converts ? 'converts convert, are put or repaid at par' : 'converts repaid at par',
    refinancing ? 'refinancing while markets are open' : 'no refinancing',
    ...(equity ? ['equity sold at the market'] : []),
    policy === 'none' ? 'no new machines' : `fleet refresh: ${policy}`,
    ...(hostingMw > 0 ? [`${hostingMw.toLocaleString('en-US')} MW IT of AI/HPC hosting`] : []),
  ].join(', ');
}
