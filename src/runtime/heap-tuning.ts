import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past the live set before the next full collection:
 * 1 + 30 % instead of V8's dynamic factor (up to 4×). Under load, in-flight request objects that
 * survive two scavenges are promoted; with the default factor that garbage piled up to 190–230 MB
 * of RSS in benchmark A while the live set after a full GC stayed near 30 MB. At 1.3× (set before
 * the modules load) the peak stays near 140 MB, with no measurable change in CPU per request in A
 * (the live set is small, so full GCs are short); a 100-id read, whose live set is larger, pays
 * ~10 % more CPU for it.
 */
export const HEAP_GROWING_PERCENT = 30;

/**
 * Applies the tuning to this process, before anything else loads (see main.ts). V8 reads this
 * flag each time it sizes the heap after a full GC, so setting it at run time takes effect
 * (verified by the benchmark's VmHWM), unlike flags V8 consumes only at start.
 */
export function tuneHeapForSteadyLoad(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
