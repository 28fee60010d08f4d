/** A catalog item as the API returns it (packages/server/src/orders/contracts.ts); price in kopecks. */
export interface CatalogItem {
  id: string;
  hotlineId: string;
  kind: 'product' | 'service';
  sku: string | null;
  name: string;
  price: number;
  active: boolean;
  createdAt: string;
}
