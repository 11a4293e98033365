/** The slice of `fetch` the HTTP adapters use; tests pass a recording fake. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;
