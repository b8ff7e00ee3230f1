/**
 * A limit on the disk work (copies, fsyncs) an import keeps in Node's thread pool at once. The pool
 * has four threads, and a thread waiting on an fsync holds its place: with every thread so taken,
 * the verification's reads and the placing of the file being decided queue behind the disk, and the
 * import crawls. Two lanes leave the rest of the pool for that work and still keep the disk busy.
 */
const LANES = 2;

let running = 0;
const waiting: Array<() => void> = [];

/** Run `work` once a lane is free; lanes are shared by every import in the process. */
export async function inDiskLane<T>(work: () => Promise<T>): Promise<T> {
  if (running >= LANES) await new Promise<void>((go) => waiting.push(go));
  else running += 1;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    // The lane passes straight to the next in line; otherwise it is free.
    if (next) next();
    else running -= 1;
  }
}
