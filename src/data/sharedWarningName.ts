const PREFIX = 'warning:';

/** The shared warning name a scenario name stands for (`warning:copy` is `copy`); undefined for any other name. */
export function sharedWarningName(scenario: string): string | undefined {
  return scenario.startsWith(PREFIX) ? scenario.slice(PREFIX.length) : undefined;
}
