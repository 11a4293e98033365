/** The most procedure calls one tRPC request may carry. The server refuses larger batches
 * (one request could otherwise fan out into any number of queries); the client splits its
 * batches to fit. */
export const maxBatchSize = 10;
