import type { ConnectorClient, ConnectorFactory } from 'botframework-connector';

// Every call the bot makes to the Bot Connector (replies, card updates, typing) gets a deadline: a
// connector that accepts the connection and never answers would otherwise hold the turn, and the
// conversation's queue behind it, for minutes. At the deadline the request is aborted (the pipeline
// throws an AbortError), the turn fails like any failed send, and the next message is served.
//
// botframework-connector's ConnectorFactoryImpl overwrites `requestPolicyFactories` in the client
// options, so the deadline is added to each created client's core-client pipeline instead. It sits
// outside the retry policy: the deadline covers the call with its retries, body included.

/** The parts of core-rest-pipeline's request and pipeline used here. */
interface PipelineRequestLike {
  abortSignal?: AbortSignal;
}
interface PipelineLike {
  addPolicy(policy: {
    name: string;
    sendRequest(request: PipelineRequestLike, next: (r: PipelineRequestLike) => Promise<unknown>): Promise<unknown>;
  }): void;
}

const OUTBOUND_TIMEOUT_POLICY = 'relay-doctor-outbound-timeout';

/** Adds the deadline to a connector client; throws if the library's shape changed (better than no deadline). */
function addOutboundTimeout(connector: ConnectorClient, timeoutMs: number): ConnectorClient {
  const pipeline = (connector as unknown as { client?: { pipeline?: PipelineLike } }).client?.pipeline;
  if (!pipeline || typeof pipeline.addPolicy !== 'function')
    throw new Error('connector client has no pipeline: the outbound timeout cannot be set');
  pipeline.addPolicy({
    name: OUTBOUND_TIMEOUT_POLICY,
    async sendRequest(request, next) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      const outer = request.abortSignal;
      const forward = () => controller.abort();
      outer?.addEventListener('abort', forward);
      request.abortSignal = controller.signal;
      try {
        return await next(request);
      } finally {
        clearTimeout(timer);
        outer?.removeEventListener('abort', forward);
        request.abortSignal = outer;
      }
    },
  });
  return connector;
}

/** A connector factory whose clients all carry the deadline. */
export function withOutboundTimeout(factory: ConnectorFactory, timeoutMs: number): ConnectorFactory {
  return {
    create: async (serviceUrl: string, audience?: string) =>
      addOutboundTimeout(await factory.create(serviceUrl, audience), timeoutMs),
  } as ConnectorFactory;
}
