// A webhook receiver for the notification tests (Node, started by notify-stack-setup.ts): it records every request
// it gets by path, and answers as the test told it to.
//   POST /hooks/<name>          a delivery: recorded; answered 200, or as `PUT /behaviour/<name>` says
//   PUT  /behaviour/<name>      {"status": 503, "times": 3, "retryAfter": "1"}: the next `times` deliveries (all
//                               of them without `times`) get `status`, with `Retry-After` when given
//   GET  /received/<name>       what it received: [{headers, body, at}]
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

interface Behaviour {
  status: number;
  times?: number;
  retryAfter?: string;
}

async function bodyOf(request: import("node:http").IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startWebhookReceiver(): Promise<{ url: string; close(): Promise<void> }> {
  const received = new Map<string, Received[]>();
  const behaviours = new Map<string, Behaviour>();
  const server: Server = createServer(async (request, response) => {
    const [, kind = "", name = ""] = (request.url ?? "").split("/");
    const body = await bodyOf(request);
    if (request.method === "POST" && kind === "hooks") {
      received.set(name, [...(received.get(name) ?? []), { headers: request.headers, body, at: Date.now() }]);
      const behaviour = behaviours.get(name);
      if (behaviour && (behaviour.times === undefined || behaviour.times > 0)) {
        if (behaviour.times !== undefined) behaviour.times -= 1;
        const headers = behaviour.retryAfter ? { "Retry-After": behaviour.retryAfter } : {};
        return response.writeHead(behaviour.status, headers).end("not now");
      }
      return response.writeHead(200).end("ok");
    }
    if (request.method === "PUT" && kind === "behaviour") {
      behaviours.set(name, JSON.parse(body) as Behaviour);
      return response.writeHead(204).end();
    }
    if (request.method === "GET" && kind === "received") {
      return response
        .writeHead(200, { "Content-Type": "application/json" })
        .end(JSON.stringify(received.get(name) ?? []));
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
