/** The parts of V8's profile formats this summary reads (.cpuprofile: Profiler.Profile; .heapprofile: HeapProfiler.SamplingHeapProfile). */
interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
export interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}
export interface HeapProfileNode {
  callFrame: CallFrame;
  selfSize: number;
  children: HeapProfileNode[];
}
export interface HeapProfile {
  head: HeapProfileNode;
}

export interface Share {
  name: string;
  /** Microseconds (CPU) or bytes (heap). */
  amount: number;
  /** Of the profile's total, 0–1. */
  share: number;
}

/** `function file:line`, with node_modules and the checkout's path cut so lines stay short. */
export function frameName(frame: CallFrame): string {
  const url = frame.url.replace(/^file:\/\//, '');
  const file = url.includes('node_modules/') ? url.replace(/.*node_modules\//, '') : url.replace(/.*\/(dist[^/]*\/)/, '$1');
  return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber}`;
}

/** The package a frame belongs to ("graphql", "@apollo/server"), "ours" for this checkout's build, else the frame's own name (GC, idle, native). */
export function packageOf(frame: CallFrame): string {
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(frame.url);
  if (inModules) return inModules[1]!;
  if (/\/dist[^/]*\//.test(frame.url)) return 'ours';
  return frame.url === '' ? frame.functionName || '(native)' : frame.url.replace(/^node:/, 'node:').split('/')[0]!;
}

function ranked(totals: Map<string, number>, total: number, top: number): Share[] {
  return [...totals].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, amount]) => ({ name, amount, share: total > 0 ? amount / total : 0 }));
}

function add(totals: Map<string, number>, key: string, amount: number): void {
  totals.set(key, (totals.get(key) ?? 0) + amount);
}

/** Self time by function and by package: where the CPU went, GC and idle included. */
export function summarizeCpuProfile(profile: CpuProfile, top = 30): { totalMicros: number; byFunction: Share[]; byPackage: Share[] } {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = frames.get(id);
    const micros = profile.timeDeltas[i] ?? 0;
    if (!frame) return;
    total += micros;
    add(byFunction, frameName(frame), micros);
    add(byPackage, packageOf(frame), micros);
  });
  return { totalMicros: total, byFunction: ranked(byFunction, total, top), byPackage: ranked(byPackage, total, top) };
}

/** Bytes allocated by function (self), and, for the functions matching `callersOf`, from where (the three frames above). */
export function summarizeHeapProfile(profile: HeapProfile, top = 30, callersOf?: RegExp): { totalBytes: number; byFunction: Share[]; callers: Share[] } {
  const byFunction = new Map<string, number>();
  const callers = new Map<string, number>();
  let total = 0;
  const walk = (node: HeapProfileNode, stack: string[]): void => {
    const name = frameName(node.callFrame);
    total += node.selfSize;
    if (node.selfSize > 0) {
      add(byFunction, name, node.selfSize);
      if (callersOf?.test(name)) add(callers, stack.slice(-3).reverse().join(' ← ') || '(top)', node.selfSize);
    }
    stack.push(name);
    for (const child of node.children) walk(child, stack);
    stack.pop();
  };
  walk(profile.head, []);
  return { totalBytes: total, byFunction: ranked(byFunction, total, top), callers: ranked(callers, total, top) };
}
