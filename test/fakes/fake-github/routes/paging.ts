import type { RouteContext } from '../http/route.js'

export interface PageOptions {
  defaultPerPage: number
  maxPerPage: number
  /** The most items any page can reach (get-a-commit stops at 3000 files). */
  cap?: number
}

/** The page asked for by `per_page`/`page`, with GitHub's `Link` header (`next`, `last`, `first`, `prev`). */
export function paginate<T>(items: readonly T[], context: RouteContext, options: PageOptions): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(Math.max(1, Number(context.query.get('per_page') ?? options.defaultPerPage)), options.maxPerPage)
  const page = Math.max(1, Number(context.query.get('page') ?? 1))
  const reachable = options.cap === undefined ? items : items.slice(0, options.cap)
  const lastPage = Math.max(1, Math.ceil(reachable.length / perPage))
  const link = (n: number, rel: string): string => {
    const query = new URLSearchParams(context.query)
    query.set('per_page', String(perPage))
    query.set('page', String(n))
    return `<${context.world.urls.api}${context.path}?${query.toString()}>; rel="${rel}"`
  }
  const links: string[] = []
  if (page > 1) links.push(link(page - 1, 'prev'))
  if (page < lastPage) links.push(link(page + 1, 'next'), link(lastPage, 'last'))
  if (page > 1) links.push(link(1, 'first'))
  return { items: reachable.slice((page - 1) * perPage, page * perPage), headers: links.length > 0 ? { link: links.join(', ') } : {} }
}

/** Whether the request asked for a page explicitly (the compare API changes its answer when it does). */
export function isPaged(context: RouteContext): boolean {
  return context.query.has('per_page') || context.query.has('page')
}
