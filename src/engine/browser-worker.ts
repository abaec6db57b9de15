// Browser Web Worker entry: Comlink.expose runs synchronously at module start (a message sent before the wasm is
// loaded must not be dropped, toolchain.md §4); the wasm core is compiled lazily on the first chunk.
import * as Comlink from 'comlink';
import wasmUrl from '../wasm/minerisk.wasm?url';
import { createWorkerApi } from './worker-api';
import { instantiateWasmKernel } from './wasm-kernel';

async function compileWasm(): Promise<WebAssembly.Module> {
  const response = await fetch(wasmUrl);
  if (!response.ok) throw new Error(`cannot load the simulation core (${response.status} ${response.statusText})`);
  // compileStreaming needs the application/wasm MIME type, which some static hosts do not send.
  if (response.headers.get('content-type')?.includes('application/wasm')) return WebAssembly.compileStreaming(response);
  return WebAssembly.compile(await response.arrayBuffer());
}

let module: Promise<WebAssembly.Module> | null = null;
Comlink.expose(createWorkerApi(() => instantiateWasmKernel(module ??= compileWasm()), Comlink.transfer));
