/** Shapes of the orders API (server: packages/server/src/orders/contracts.ts); money in kopecks. */
export type OrderStatus = 'new' | 'confirmed' | 'in_fulfilment' | 'completed' | 'cancelled';

export interface CatalogItem {
  id: string;
  hotlineId: string;
  kind: 'product' | 'service';
  sku: string | null;
  name: string;
  price: number;
  active: boolean;
}

export interface Order {
  id: string;
  number: number;
  hotlineId: string;
  customerId: string;
  status: OrderStatus;
  lines: { itemId: string; name: string; quantity: number; unitPrice: number }[];
  total: number;
  address: string | null;
  comment: string | null;
  createdAt: string;
  allowedStatuses: OrderStatus[];
}

export interface OrderEvent {
  id: string;
  from: OrderStatus | null;
  to: OrderStatus;
  comment: string | null;
  actorName: string | null;
  createdAt: string;
}

/** Kopecks → "4 990,00 ₽" (the desk is Russian-first; rubles are the catalog's currency). */
export const money = (kopecks: number) => new Intl.NumberFormat('ru-RU', { style: 'currency', currency: 'RUB' }).format(kopecks / 100);
