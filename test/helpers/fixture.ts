import { START } from '../../src/model/start-state';
export const FIXTURE: any = {
  schemaVersion: 1, name: 'fixture', description: '',
  run: { paths: 2000, seed: 1, months: 60 },
  start: { ...START },
  market: {
    price: { model: 'gbm', mu: 0, sigma: 0.5, merton: { lambda: 3, jumpMean: -0.03, jumpSd: 0.15, sigmaDiffusion: 0.42 }, studentT: { nu: 3 },
      regime: { sigmaCalm: 0.32, sigmaTurbulent: 0.64, pCalmToTurbulent: 0.0167, pTurbulentToCalm: 0.0172, startRegime: 'stationary' } },
    fees: { longRunShare: 0.015, phiMonthly: 0.76, sdMonthly: 0.61, spikeProbMonthly: 0.02, spikeMin: 5, spikeMax: 10, spikeDays: 30 },
  },
  network: { model: 'feedback', blockLuck: false, breakevenMedian: 14, breakevenSpread: 0.6, mustRunShare: 0.2, shutdownHalfLifeDays: 14,
    investmentHurdle: 35, efficiencyGain: 0.15, kappaPerEpoch: 0.015, lagDays: 84, sigmaPerEpoch: 0.035,
    outage: { probPerEpoch: 0.04, sizeMin: 0.08, sizeMax: 0.2, halfLifeDays: 14 }, exogenous: { driftPerEpoch: 0.01, sdPerEpoch: 0.045 } },
  miner: {
    fleet: [ { name: 'S21', hashrateEhs: 15, efficiencyJPerTh: 17.5, retireDate: '2029-12-31' }, { name: 'S19XP', hashrateEhs: 5, efficiencyJPerTh: 21.5, retireDate: '2028-06-30' } ],
    uptime: 0.93, poolFee: 0.01,
    power: { capacityMw: 400, contractUsdPerMwh: 42, hedgedShare: 0.6, resale: false, demandResponseUsdPerMwYear: 0,
      spot: { meanUsdPerMwh: 45, sigma: 0.25, halfLifeDays: 182, corrWithBtc: 0.2, shockProbPerYear: 0.05, shockMultiplier: 1.5, shockDays: 365 } },
    costs: { sgaUsdPerQuarter: 6e6, sgaUsdPerQuarterPerEhs: 0.3e6, otherOpexUsdPerPhDay: 2 },
    treasury: { cashUsd: 150e6, btc: 1500, sellShareOfProduction: 1, bufferDays: 90, btcSaleHaircut: 0.01 },
  },
  debt: [
    { id: 'conv-2030', type: 'convertible', principalUsd: 400e6, couponRate: 0.02, paymentsPerYear: 2, maturityDate: '2030-06-15', amortization: 'bullet', collateralBtc: 0, rate: 0, marginCallLtv: 0.7, topUpToLtv: 0.5, crossDefault: false },
    { id: 'btc-loan', type: 'btc_backed_loan', principalUsd: 75e6, couponRate: 0, paymentsPerYear: 12, maturityDate: '2027-03-31', amortization: 'bullet', collateralBtc: 1800, rate: 0.09, marginCallLtv: 0.7, topUpToLtv: 0.5, crossDefault: false },
  ],
};
