import { type RequestMethod, type RequestResult, requestMethods } from '../../shared/contract/requests.ts';
import { isOpenBranchError } from '../../shared/errors.ts';
import type { Logger } from '../../shared/logger.ts';
import { PARSE } from '../../shared/parsing.ts';
import { LoginThrottle } from '../security/login-throttle.ts';

export type RequestHandler<M extends RequestMethod> = (params: unknown) => Promise<RequestResult<M>>;
export type RequestHandlers = { [M in RequestMethod]?: (params: never) => Promise<RequestResult<M>> };

export interface Session {
  technician: boolean;
}

type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

/** Verifies the technician PIN against its stored hash; the PIN itself is never kept or logged. */
export type PinVerifier = (pin: string) => Promise<boolean>;

/**
 * Routes validated requests to their handler (one module per method),
 * checks the caller's role, and turns every failure into a typed reply.
 */
export class RequestRouter {
  constructor(
    private readonly handlers: RequestHandlers,
    private readonly verifyPin: PinVerifier,
    private readonly logger: Logger,
    /** Technician login attempts, counted per connection and overall before the PIN is checked. */
    private readonly throttle: LoginThrottle = new LoginThrottle(),
  ) {}

  async handle(method: RequestMethod, rawParams: unknown, session: Session): Promise<Reply> {
    const spec = requestMethods[method];
    const params = spec.params.safeParse(rawParams ?? {}, PARSE);
    if (!params.success)
      return refuse('bridge.params', params.error.issues.map((i) => `${i.path.join('.') || 'params'}: ${i.message}`).join('; '));
    if (method === 'technician.login') return { ok: true, value: await this.login((params.data as { pin: string }).pin, session) };
    if (method === 'technician.logout') {
      session.technician = false;
      return { ok: true, value: { ok: true } };
    }
    if (spec.role === 'technician' && !session.technician) return refuse('bridge.forbidden', 'log in with the technician PIN first');
    const handler = this.handlers[method] as ((p: unknown) => Promise<unknown>) | undefined;
    if (!handler) return refuse('bridge.unavailable', `${method} is not available in this install`);
    try {
      return { ok: true, value: await handler(params.data) };
    } catch (e) {
      this.logger.warn(
        { method, code: isOpenBranchError(e) ? e.code : 'unknown', err: e instanceof Error ? e.message : String(e) },
        'request failed',
      );
      return isOpenBranchError(e) ? refuse(e.code, e.message) : refuse('bridge.internal', 'the request failed; see the log');
    }
  }

  private async login(pin: string, session: Session): Promise<RequestResult<'technician.login'>> {
    session.technician = false;
    const admission = await this.throttle.admit(session);
    if (!admission.ok) {
      this.logger.warn({ refused: admission.reason }, 'technician login refused before the PIN check (too many wrong PINs)');
      return {
        ok: false,
        refused: admission.reason,
        ...(Number.isFinite(admission.retryAfterMs) ? { retryAfterSeconds: Math.ceil(admission.retryAfterMs / 1000) } : {}),
      };
    }
    let ok = false;
    try {
      ok = await this.verifyPin(pin);
    } finally {
      admission.settle(ok);
    }
    this.logger.info({ ok }, 'technician login');
    session.technician = ok;
    return { ok };
  }
}

function refuse(code: string, message: string): Reply {
  return { ok: false, error: { code, message } };
}
