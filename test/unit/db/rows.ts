/** A table's rows as a backup or sync carries them: orders, stored packed, one per row. */
import { allOrders } from '../../../lib/db/order-packs';
import type { CoursePulseDb } from '../../../lib/db/schema';

export const rowsOf = (db: CoursePulseDb, table: string): Promise<unknown[]> =>
  table === 'orders' ? allOrders(db.orderPacks) : db.table(table).toArray();
