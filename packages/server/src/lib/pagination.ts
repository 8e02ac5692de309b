export interface Page<T> { items: T[]; total: number; page: number; perPage: number; pages: number }

export function pageOf<T>(items: T[], total: number, page: number, perPage: number): Page<T> {
  return { items, total, page, perPage, pages: Math.max(1, Math.ceil(total / perPage)) };
}

export function offsetOf(page: number, perPage: number): number { return (page - 1) * perPage; }
