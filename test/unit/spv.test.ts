// Non-recourse SPVs, the DSCR covenant and equipment loans (model-spec §10 Secured / project notes, Equipment loans).
import { describe, test, expect } from 'vitest';
import '../../src/model/portable-runtime';
import { compileScenario } from '../../src/model/compile';
import { createReferenceKernel } from '../../src/model/kernel';
import { trancheClaimUsd, trancheRecoveredUsd, recoveryUnsecuredRate } from '../../assembly/capital';
import * as L from '../../assembly/layout';
import { applyPatch, resolveScenario, formatError, type Scenario } from '../../src/model/scenario';
import { scenario } from '../helpers/fixture';

const ref = createReferenceKernel();

const HALL = {
  name: 'hall', mwIt: 50, startDate: '2025-01-01', monthsToFirstRent: 12, usdPerMwItYear: 400_000, termYears: 15,
  capexUsdPerMwIt: 10e6, loanToCost: 0.75, loanRate: 0.08, loanYears: 6, delayProbPerPhase: 0, tenantDefaultPerYear: 0,
  backstopUsd: 0,
};
/** The hall with some terms changed (arrays replace whole in a patch, so the contract is given in full). */
const hall = (extra: Record<string, unknown>) => [{ ...HALL, ...extra }];

/** Flat deterministic world; a hall already leased since 2026-01 whose project loan is far larger than its NOI. */
function world(patch: Record<string, unknown>): Scenario {
  return scenario(applyPatch({
    run: { paths: 1, months: 36, seed: 1 },
    market: { price: { sigma: 0, mu: 0 }, fees: { sdMonthly: 0, spikeProbMonthly: 0 } },
    network: { model: 'exogenous', exogenous: { driftPerEpoch: 0, sdPerEpoch: 0 } },
    miner: { power: { spot: { sigma: 0, shockProbPerYear: 0 } }, treasury: { cashUsd: 150e6, btc: 1500 } },
    debt: [],
    hosting: hall({}),
  }, patch));
}

function run(s: Scenario) {
  ref.load(compileScenario(s));
  ref.simulate(0, 1);
  const r = ref.records(1);
  return { day: r[L.R_DEFAULT_DAY], cause: r[L.R_CAUSE], tranche: r[L.R_TRANCHE], spv: r[L.R_SPV_DEFAULTS], noi: r[L.R_HOSTING_BASE] };
}

describe('non-recourse SPV', () => {
  test('an SPV that cannot service its project loan defaults alone: the parent lives on, and loses only the contract', () => {
    const big = { mwIt: 100, loanYears: 4 }; // a $750M loan amortising over three years against $34M of NOI a year
    const recourse = run(world({ hosting: hall({ ...big, nonRecourse: false }) }));
    const spv = run(world({ hosting: hall({ ...big, nonRecourse: true }) }));
    // With recourse the parent pays the $375M loan from its own cash and BTC and defaults on it…
    expect(recourse.day).toBeGreaterThan(0);
    expect(recourse.tranche).toBe(0); // the project loan is the first tranche (debt: [])
    // … non-recourse, the SPV defaults (its NOI cannot carry the loan) and the parent survives.
    expect(spv.spv).toBe(1);
    expect(spv.day).toBe(0);
  });

  test('the DSCR covenant: coverage below the minimum on two quarters in a row defaults the SPV; a lower minimum lets it pay on', () => {
    // NOI ≈ $42.5M a year against ≈ $34M of debt service ($200M at 8 %, amortising over 11 years): DSCR ≈ 1.25.
    const tight = { hosting: hall({ nonRecourse: true, usdPerMwItYear: 1_000_000, loanToCost: 0.4, loanYears: 12 }) };
    const strict = run(world({ ...tight, covenants: { minDscr: 1.6, breachedQuartersToDefault: 2 } }));
    const loose = run(world({ ...tight, covenants: { minDscr: 0.5, breachedQuartersToDefault: 2 } }));
    expect(strict.spv).toBe(1);
    expect(loose.spv).toBe(0);
    expect(strict.day).toBe(0);
    expect(loose.day).toBe(0);
    // Trapped cash and the lost contract cost the parent NOI it would otherwise have received.
    expect(strict.noi).toBeLessThan(loose.noi);
  });

  test('a tranche of debt[] can belong to a contract\'s SPV by name; a wrong name is refused with the allowed names', () => {
    const s = world({ hosting: hall({ loanToCost: 0 }), debt: [{ id: 'project-notes', type: 'bond', principalUsd: 400e6, couponRate: 0.0775, maturityDate: '2029-10-15', spv: 'hall' }] });
    const r = run(s);
    expect(r.spv).toBe(1);
    expect(r.day).toBe(0);
    const bad = resolveScenario({ debt: [{ type: 'bond', principalUsd: 1e6, maturityDate: '2029-01-01', spv: 'nope' }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(formatError(bad.errors[0])).toMatch(/^debt\[0\]\.spv: "nope" names no hosting contract — allowed/);
    const convertibleSpv = resolveScenario({ hosting: [{ name: 'x', mwIt: 10 }], debt: [{ type: 'convertible', principalUsd: 1e6, maturityDate: '2029-01-01', spv: 'x' }] });
    expect(convertibleSpv.ok).toBe(false);
  });
});

describe('equipment loans', () => {
  test('an equipment loan recovers first from its generation at the ASIC price; unsecured creditors share the rest', () => {
    const s = scenario(applyPatch({
      run: { paths: 1, months: 36, seed: 1 },
      market: { price: { sigma: 0, mu: 0 }, fees: { sdMonthly: 0, spikeProbMonthly: 0 } },
      network: { model: 'exogenous', exogenous: { driftPerEpoch: 0, sdPerEpoch: 0 } },
      miner: { power: { spot: { sigma: 0, shockProbPerYear: 0 } }, treasury: { cashUsd: 10e6, btc: 0 } },
      debt: [
        { id: 'equipment', type: 'term_loan', principalUsd: 50e6, couponRate: 0.1, maturityDate: '2029-01-01', collateralGeneration: 'S21 class' },
        { id: 'notes', type: 'bond', principalUsd: 500e6, couponRate: 0.05, maturityDate: '2027-06-15' },
      ],
    }, {}));
    const r = run(s);
    expect(r.day).toBeGreaterThan(0);
    const [equipClaim, notesClaim] = [0, 1].map(trancheClaimUsd);
    const [equipRec, notesRec] = [0, 1].map(trancheRecoveredUsd);
    expect(equipClaim).toBeGreaterThan(0);
    expect(notesClaim).toBeGreaterThan(0);
    // Secured by 15 EH/s of S21s: its recovery rate beats the unsecured pool's.
    expect(equipRec / equipClaim).toBeGreaterThan(recoveryUnsecuredRate());
    expect(notesRec / notesClaim).toBeCloseTo(recoveryUnsecuredRate(), 12);
  });

  test('collateralGeneration must name a fleet generation', () => {
    const bad = resolveScenario({ debt: [{ type: 'term_loan', principalUsd: 1e6, maturityDate: '2029-01-01', collateralGeneration: 'nope' }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(formatError(bad.errors[0])).toMatch(/collateralGeneration: "nope" names no fleet generation — allowed S21 class, S19 XP class/);
  });
});
