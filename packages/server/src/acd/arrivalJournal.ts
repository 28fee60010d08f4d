import type { z } from 'zod';
import type { Principal } from '../auth/principal.ts';
import { actAs, withTenant, type Database, type Scope, type Tx } from '../db/index.ts';
import { insertContacts, type ContactRow } from '../contacts/service.ts';
import type { arrivalCreate } from './contracts.ts';
import { arrivalRow, isRequestFault, readReferences } from './arrivals.ts';

interface Pending {
  scope: Scope;
  principal: Principal;
  body: z.infer<typeof arrivalCreate>;
  resolve: (contactId: string) => void;
  reject: (e: unknown) => void;
}

/** Arrivals written in one transaction at most. */
const MAX_BATCH = 256;

/**
 * The journal half of the API's arrivals, group-committed (the router's group commit, for the
 * contacts themselves): arrivals that come in while one batch is being written wait, and are
 * then written together — one transaction, one read of the queues and skills they name, one
 * INSERT per actor. Each is acknowledged only after that commit, so an acknowledged contact is
 * stored as before; under load a burst costs a handful of statements instead of five each.
 *
 * A request's own fault (an unknown queue, a bad customer identifier: its 4xx) fails that
 * arrival alone — it is found before the batch writes anything for it. A database error fails
 * the whole batch (the transaction is gone), and every caller hears it.
 *
 * Audit: each actor's rows are written under that actor (`actAs`); the request id is recorded
 * where a write carries one request's rows only, else left empty (a batch has several).
 */
export class ArrivalJournal {
  private readonly queue: Pending[] = [];
  private draining = false;

  constructor(
    private readonly db: Database,
    private readonly tenantId: string,
  ) {}

  /** Registers one arrival; resolves with its contact id once committed. */
  register(scope: Scope, principal: Principal, body: z.infer<typeof arrivalCreate>): Promise<string> {
    return new Promise((resolve, reject) => {
      this.queue.push({ scope, principal, body, resolve, reject });
      if (this.draining) return;
      this.draining = true;
      // Started on the next microtask, so arrivals coming in together join the same batch.
      queueMicrotask(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) await this.write(this.queue.splice(0, MAX_BATCH));
    } finally {
      this.draining = false;
    }
  }

  private async write(batch: Pending[]): Promise<void> {
    const first = batch[0]!;
    const done: { item: Pending; id: string }[] = [];
    try {
      await withTenant(this.db, { ...first.scope, tenantId: this.tenantId }, async (tx) => {
        const known = await readReferences(tx, batch.map((p) => p.body));
        let group: { item: Pending; row: ContactRow }[] = [];
        const flush = async () => {
          const ids = await insertContacts(tx, group.map((g) => g.row));
          group.forEach((g, i) => done.push({ item: g.item, id: ids[i]! }));
          group = [];
        };
        let actor = first.scope.actor;
        for (const item of batch) {
          if (!sameActor(item.scope.actor, actor)) {
            await flush();
            actor = item.scope.actor;
            await actAs(tx, actor, item.scope.requestId);
          }
          let row: ContactRow;
          try {
            row = await arrivalRow(tx, item.principal, item.body, known);
          } catch (e) {
            if (!isRequestFault(e)) throw e;
            item.reject(e);
            continue;
          }
          // Several requests' rows in one INSERT: no single request id to record.
          if (group.length === 1) await actAs(tx, actor);
          group.push({ item, row });
        }
        await flush();
      });
    } catch (e) {
      // Nothing of the batch was stored (a request already refused stays refused: settled once).
      for (const item of batch) item.reject(e);
      return;
    }
    for (const d of done) d.item.resolve(d.id);
  }
}

const sameActor = (a: Scope['actor'], b: Scope['actor']) => a.kind === b.kind && a.id === b.id && a.name === b.name;
