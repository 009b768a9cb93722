// The process's CPU time in milliseconds (user + system). On the shared 2-core machine a long
// synchronous measure is interrupted by others' work far more often than a short one, so growth
// ratios (1 MB against 4 MB) taken on the wall clock look superlinear under load; the CPU time a
// synchronous function spends depends little on the load.
export function cpuNow(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}
