// Preloaded into the emulator by the soak (node --expose-gc --import this): SIGUSR2 runs a full
// garbage collection (twice: what the first finalizes, the second frees) and prints the memory
// figures after it on stderr, so that memory is read at the same point of the GC cycle after the
// warm-up and after the run, and what is left is what the emulator keeps.
process.on('SIGUSR2', () => {
  globalThis.gc?.();
  globalThis.gc?.();
  process.stderr.write(`soak-memory ${JSON.stringify(process.memoryUsage())}\n`);
});
