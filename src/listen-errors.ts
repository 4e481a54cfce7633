/** A start failure whose message already says which setting to change; printed without a stack. */
export class StartError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartError';
  }
}

export interface ListenTarget {
  /** The settings that chose the address, e.g. PORT and HOST (or EMULATOR_PORT for the embedded emulator). */
  portSetting: string;
  hostSetting?: string;
  port: number;
  host: string;
}

/**
 * Turns the system errors of listen() into a message naming the setting to change; anything else
 * comes back unchanged (printed with its stack, since it is not a configuration problem).
 */
export function explainListenError(error: unknown, target: ListenTarget): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const { portSetting, hostSetting, port, host } = target;
  const hostHint = hostSetting ? `set ${hostSetting} to an address of this machine (127.0.0.1, or 0.0.0.0 for every interface)` : undefined;
  switch (code) {
    case 'EADDRINUSE':
      return new StartError(`${portSetting}=${port} is already in use on ${host} (EADDRINUSE): stop the process holding it, or set ${portSetting} to a free port (${portSetting}=0 picks one)`, { cause: error });
    case 'EACCES':
      return new StartError(`${portSetting}=${port} needs privileges this process does not have (EACCES): set ${portSetting} to 1024 or above`, { cause: error });
    case 'EADDRNOTAVAIL':
      if (!hostHint) return error;
      return new StartError(`${hostSetting}=${JSON.stringify(host)} is not an address of this machine (EADDRNOTAVAIL): ${hostHint}`, { cause: error });
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      if (!hostHint) return error;
      return new StartError(`${hostSetting}=${JSON.stringify(host)} could not be resolved (${code}): ${hostHint}`, { cause: error });
    default:
      return error;
  }
}
