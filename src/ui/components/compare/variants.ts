// Ready-made strategy variants, generated from the base scenario as patches over it (objects merge, arrays
// replace, model-spec §0), and the pinned copy of a scenario. Each option says whether it can run against this
// base: a variant that does not validate, or that changes nothing, is offered but disabled with the reason. Pure.
import { resolveVariant, type Variant } from '../../../engine/compare';
import type { Scenario } from '../../../model/scenario';
import type { PinnedScenario } from '../../state/compare.svelte';

/** Variants compared at once, besides the base (each one costs a full run of the base's paths). */
export const MAX_VARIANTS = 5;

export interface VariantOption {
  /** Stable across edits of the base, so a checked box stays checked: 'remove:<tranche id>', 'cash+100m', 'pin:3'. */
  id: string;
  /** Name on the checkbox, the chart legend and the table. */
  name: string;
  /** One line on what the patch does, with the base's numbers. */
  detail: string;
  patch: unknown;
  /** Why the variant cannot be compared with this base (invalid, or the same as the base); null when it can. */
  disabledReason: string | null;
}

const usd = (v: number) => `$${Math.round(v / 1e6).toLocaleString('en-US')}M`;
const num = (v: number, digits = 2) => Number(v.toFixed(digits)).toLocaleString('en-US');

function option(base: Scenario, id: string, name: string, detail: string, patch: unknown): VariantOption {
  return { id, name, detail, patch, disabledReason: checkVariant(base, { name, patch }) };
}

/** Null when the variant resolves over the base and differs from it; else the reason it cannot be compared. */
export function checkVariant(base: Scenario, v: Variant): string | null {
  let resolved: Scenario;
  try {
    resolved = resolveVariant(base, v);
  } catch (e) {
    return (e as Error).message;
  }
  return JSON.stringify(resolved) === JSON.stringify(base) ? 'same as the base scenario' : null;
}

/** The ready-made strategies for a base scenario, one "Remove <tranche>" per debt tranche first. */
export function readyMadeVariants(base: Scenario): VariantOption[] {
  const { treasury, power, fleet } = base.miner;
  const hashrate = fleet.reduce((s, g) => s + g.hashrateEhs, 0);
  return [
    ...base.debt.map((t) =>
      option(base, `remove:${t.id}`, `Remove ${t.id}`, `no ${usd(t.principalUsd)} ${t.type.replace(/_/g, ' ')} due ${t.maturityDate}`,
        { debt: base.debt.filter((d) => d.id !== t.id) }),
    ),
    option(base, 'cash+100m', 'Cash +$100M', `cash ${usd(treasury.cashUsd)} → ${usd(treasury.cashUsd + 100e6)}`,
      { miner: { treasury: { cashUsd: treasury.cashUsd + 100e6 } } }),
    option(base, 'hedge-all', 'Hedge all power', `hedged share ${num(power.hedgedShare)} → 1 at $${num(power.contractUsdPerMwh)}/MWh`,
      { miner: { power: { hedgedShare: 1 } } }),
    option(base, 'power-10', 'Power contract −10 %', `$${num(power.contractUsdPerMwh)} → $${num(power.contractUsdPerMwh * 0.9)}/MWh`,
      { miner: { power: { contractUsdPerMwh: power.contractUsdPerMwh * 0.9 } } }),
    option(base, 'fleet+25', 'Fleet +25 % hashrate', `${num(hashrate, 1)} → ${num(hashrate * 1.25, 1)} EH/s, same efficiency and power cap`,
      { miner: { fleet: fleet.map((g) => ({ ...g, hashrateEhs: g.hashrateEhs * 1.25 })) } }),
    option(base, 'sell-none', 'Sell no BTC', `sell share of production ${num(treasury.sellShareOfProduction)} → 0 (keep all mined BTC)`,
      { miner: { treasury: { sellShareOfProduction: 0 } } }),
  ];
}

/** A pinned scenario as a variant: the whole scenario except its run block (paths, seed, horizon stay the base's). */
export function pinnedPatch(s: Scenario): unknown {
  const { run: _run, ...rest } = s;
  return JSON.parse(JSON.stringify(rest));
}

export function pinnedOption(base: Scenario, p: PinnedScenario): VariantOption {
  return option(base, p.id, p.name, `copy of "${p.scenario.name}", run on the base's paths`, pinnedPatch(p.scenario));
}

/** Every option for a base: the ready-made ones, then the pinned copies. */
export function variantOptions(base: Scenario, pinned: PinnedScenario[]): VariantOption[] {
  return [...readyMadeVariants(base), ...pinned.map((p) => pinnedOption(base, p))];
}

/** The checked options that can run, in the order offered, at most MAX_VARIANTS. */
export function chosenVariants(options: VariantOption[], checked: readonly string[]): Variant[] {
  return options
    .filter((o) => checked.includes(o.id) && o.disabledReason === null)
    .slice(0, MAX_VARIANTS)
    .map((o) => ({ name: o.name, patch: o.patch }));
}

/** `name` trimmed (or `fallback` when empty), with " (2)", " (3)"… added when another option already has it. */
export function uniqueName(name: string, taken: readonly string[], fallback = 'Pinned'): string {
  const stem = name.trim().slice(0, 60) || fallback;
  if (!taken.includes(stem)) return stem;
  for (let i = 2; ; i++) if (!taken.includes(`${stem} (${i})`)) return `${stem} (${i})`;
}
