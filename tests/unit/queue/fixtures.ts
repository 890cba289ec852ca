import { CentralDouble } from '../../doubles/central-double.ts';

/** A barcode of the queue tests' books: 39 and twelve digits, as the demo's. */
export const item = (n: number) => `39${String(n).padStart(12, '0')}`;

/** The demo central system with a thousand more ordinary books on its shelves. */
export const centralWithBooks = () => new CentralDouble().addItems(Array.from({ length: 1000 }, (_, n) => item(n)));
