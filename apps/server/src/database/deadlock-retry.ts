/**
 * InnoDB may pick a transaction as a deadlock victim when claims and completions touch the same
 * index pages; the documented answer is to run the whole transaction again.
 */
export function isRetryableLockError(err: unknown): boolean {
  const driver = (err as { driverError?: { errno?: number } } | undefined)?.driverError;
  const errno = driver?.errno ?? (err as { errno?: number } | undefined)?.errno;
  return errno === 1213 || errno === 1205;
}

export async function retryOnDeadlock<T>(work: () => Promise<T>, attempts = 8): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (err) {
      if (i >= attempts || !isRetryableLockError(err)) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * i));
    }
  }
}
