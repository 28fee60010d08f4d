// One virtual agent of a live run: signs in as its user, keeps the desk WebSocket open, goes
// ready and not ready by its shifts and breaks, accepts each offer after its answer delay,
// holds the contact for the drawn handle time, ends it and wraps up — all through the public
// API, reacting to what the server pushes on the WebSocket, as a person at the desk would.
import type WebSocket from 'ws';
import { sample, type Random } from '@linia/engine';
import { ApiError, type ApiClient } from './client.ts';
import type { LiveMetrics } from './metrics.ts';
import type { SimScheduler } from './scheduler.ts';
import type { LiveAgent } from './setup.ts';

interface Frame {
  type: string;
  event?: { type: string; data: { contactId?: string; agentId?: string; autoAccept?: boolean; to?: string; reason?: string | null; handleMs?: number } };
}

export class AgentBot {
  private session: ApiClient | null = null;
  private socket: WebSocket | null = null;
  private state = 'offline';
  private reason: string | null = null;
  private shiftEnding = false;
  /** Contacts this agent holds (offered, connected or in wrap-up). */
  private readonly held = new Set<string>();
  private run: { metrics: LiveMetrics; sched: SimScheduler; r: Random } | null = null;

  constructor(
    readonly agent: LiveAgent,
    private readonly server: ApiClient,
  ) {}

  /** Signs in and opens the WebSocket (before the run's clock starts). */
  async connect(): Promise<void> {
    this.session = await this.server.signIn(this.agent.login, this.agent.password);
    this.socket = await this.session.openSocket();
    this.socket.on('message', (raw) => this.onFrame(JSON.parse(String(raw)) as Frame));
  }

  /** Starts playing the scenario: shifts and breaks on the run's clock. */
  begin(metrics: LiveMetrics, sched: SimScheduler, r: Random): void {
    this.run = { metrics, sched, r };
    const g = this.agent.group;
    for (const sh of g.shifts) {
      sched.at(sh.startSeconds * 1000, () => {
        this.shiftEnding = false;
        return this.setState('ready');
      });
      sched.at(sh.endSeconds * 1000, async () => {
        this.shiftEnding = true;
        // Busy: not ready now, offline once the contact is released (see onFrame).
        if (!(await this.setState('offline'))) await this.setState('notReady');
      });
    }
    for (const b of g.breaks ?? []) {
      sched.at(b.startSeconds * 1000, async () => {
        if (this.shiftEnding || this.state === 'offline') return;
        if (!(await this.setState('notReady', b.reason))) await this.setState('notReady');
      });
      // Back from this break only (not from another reason the floor may have set meanwhile).
      sched.at((b.startSeconds + b.durationSeconds) * 1000, () =>
        this.state === 'notReady' && !this.shiftEnding && (this.reason === b.reason || this.reason === null) ? this.setState('ready') : undefined,
      );
    }
  }

  /** Ends what it holds, signs off and closes the socket. */
  async finish(): Promise<void> {
    for (const id of [...this.held]) {
      await this.act(`/acd/contacts/${id}/end`);
      await this.act(`/acd/contacts/${id}/wrap-up-end`);
    }
    await this.setState('offline');
    this.socket?.close();
  }

  private setState(state: 'ready' | 'notReady' | 'offline', reason?: string): Promise<boolean> {
    return this.post('/acd/me/state', { state, ...(reason ? { reason } : {}) });
  }

  /** An action on a contact; refusals (it was withdrawn or abandoned meanwhile) are counted, not fatal. */
  private act(path: string): Promise<boolean> {
    return this.post(path);
  }

  /** A request the server may refuse (4xx: counted, the bot goes on); a server error stops the run. */
  private async post(path: string, body?: object): Promise<boolean> {
    try {
      await this.session!.call('POST', path, body);
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status < 500) {
        if (this.run) this.run.metrics.refused++;
        return false;
      }
      throw e;
    }
  }

  private onFrame(f: Frame): void {
    const run = this.run;
    if (f.type !== 'event' || !f.event || !run) return;
    const at = performance.now();
    const { metrics, sched, r } = run;
    const d = f.event.data;
    if (d.agentId !== this.agent.userId) return;
    metrics.events++;
    const id = d.contactId;
    switch (f.event.type) {
      case 'acd.offer':
        if (!id) return;
        metrics.offered(id, at);
        this.held.add(id);
        if (!d.autoAccept) sched.after((this.agent.group.answerDelaySeconds ?? 0) * 1000, () => this.act(`/acd/offers/${id}/accept`));
        return;
      case 'acd.offerWithdrawn':
        if (id) this.held.delete(id);
        return;
      case 'acd.contactConnected':
        if (!id) return;
        metrics.connected(id, at);
        void metrics.streamOf(id).then((stream) => sched.after(sample(r, stream.handleTime) * 1000, () => this.act(`/acd/contacts/${id}/end`)));
        return;
      case 'acd.wrapUpStarted':
        if (!id) return;
        void metrics.streamOf(id).then((stream) =>
          sched.after(stream.wrapUpTime ? sample(r, stream.wrapUpTime) * 1000 : 0, () => this.act(`/acd/contacts/${id}/wrap-up-end`)),
        );
        return;
      case 'acd.contactReleased':
        if (!id) return;
        this.held.delete(id);
        metrics.released(id, d.handleMs ?? 0, at);
        return;
      case 'acd.agentState':
        this.state = d.to ?? this.state;
        this.reason = d.reason ?? null;
        metrics.agentState(this.agent.userId, this.state, at);
        if (this.state === 'notReady' && this.shiftEnding) sched.after(0, () => this.setState('offline'));
        return;
    }
  }
}
