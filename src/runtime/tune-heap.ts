import { tuneHeapForSteadyLoad } from './heap-tuning';

// Side effect on purpose, imported first by the process entry (main.ts): the flag must be set
// before the other imports load, or the full GC that runs while they load sizes the old generation
// with V8's default factor and the first seconds under load peak ~15 MB higher.
tuneHeapForSteadyLoad();
