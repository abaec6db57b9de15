// Typed contexts for the state created at the root (never module singletons: two widgets on one page must not share
// state).
import { createContext } from 'svelte';
import type { ScenarioState } from './state/scenario.svelte';
import type { RunState } from './state/run.svelte';

export const [getScenarioState, setScenarioState] = createContext<ScenarioState>();
export const [getRunState, setRunState] = createContext<RunState>();
