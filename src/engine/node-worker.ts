// Node worker_threads entry: Comlink.expose at module start (the first message must not be dropped), kernel
// instantiated lazily on the first chunk.
import { parentPort, workerData } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createWorkerApi } from './worker-api';
import { makeKernelNode, type KernelKind } from './node';

const kind: KernelKind = workerData?.kernel === 'js' ? 'js' : 'wasm';
Comlink.expose(createWorkerApi(makeKernelNode(kind), Comlink.transfer), nodeEndpoint(parentPort!));
