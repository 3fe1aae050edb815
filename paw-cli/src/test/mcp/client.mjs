// Drives `paw mcp` (the packaged paw.jar) with the official MCP TypeScript SDK, a client no one here
// wrote, over stdio and over streamable HTTP, against stripe-stateful-mock on 127.0.0.1. Prints what
// it saw as one JSON object; McpNodeClientIT asserts on it.
// Env: PAW_JAR, PAW_HOME, PAW_MASTER_KEY, POCKET, STRIPE_KEY; NODE_PATH holds the npm packages.
import { createRequire } from "node:module";
import { spawn } from "node:child_process";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ElicitRequestSchema } from "@modelcontextprotocol/sdk/types.js";

const require = createRequire(import.meta.url);
const env = process.env;
const javaEnv = { PAW_MASTER_KEY: env.PAW_MASTER_KEY, PATH: env.PATH, HOME: env.HOME ?? "/tmp" };

// --- the Stripe mock, seeded, and paw connected to it ---
const { createExpressApp } = require("stripe-stateful-mock");
const mock = await new Promise((resolve) => {
  const server = createExpressApp().listen(0, "127.0.0.1", () => resolve(server));
});
const stripeBase = `http://127.0.0.1:${mock.address().port}`;
const auth = { Authorization: `Bearer ${env.STRIPE_KEY}` };
async function post(path, form) {
  const response = await fetch(stripeBase + path, {
    method: "POST",
    headers: { ...auth, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form),
  });
  return (await response.json()).id;
}
async function count(kind) {
  return (await (await fetch(`${stripeBase}/v1/${kind}?limit=100`, { headers: auth })).json()).data.length;
}
await post("/v1/customers", { email: "seed@example.com" });
const chargeId = await post("/v1/charges", { amount: "1200", currency: "usd", source: "tok_visa" });
// asynchronously: the mock answers paw from this very event loop
function paw(...args) {
  return new Promise((resolve, reject) => {
    const child = spawn("java", ["-jar", env.PAW_JAR, "--home", env.PAW_HOME, ...args], {
      env: javaEnv,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (chunk) => (err += chunk));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`paw ${args[0]} failed: ${err}`))));
  });
}
await paw("connect", "stripe", "--pocket", env.POCKET, "--credential", `STRIPE_API_KEY=${env.STRIPE_KEY}`,
  "--base-url", `${stripeBase}/v1`, "--no-sync");
await paw("sync", "stripe", "--pocket", env.POCKET, "--table", "stripe_customers");

// --- one round of checks over one transport ---
async function round(makeTransport, received) {
  async function connect(name, answer) {
    const client = new Client({ name, version: "1.0.0" }, { capabilities: answer ? { elicitation: {} } : {} });
    const asked = [];
    if (answer) {
      client.setRequestHandler(ElicitRequestSchema, async (request) => {
        asked.push(request.params.message);
        return answer();
      });
    }
    await client.connect(makeTransport());
    return { client, asked };
  }
  const text = (result) => result.content?.[0]?.text ?? "";
  const report = {};
  let answer = { action: "decline" };

  const main = await connect("paw-node-test", () => answer);
  const tools = (await main.client.listTools()).tools;
  report.toolNames = tools.map((t) => t.name);
  const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
  report.listCustomers = byName.stripe_list_customers;
  report.createCustomer = byName.stripe_create_customer;
  report.createInvoice = byName.stripe_create_invoice;
  report.createRefund = byName.stripe_create_refund;

  const auto = await main.client.callTool({ name: "stripe_list_customers", arguments: { limit: 5 } });
  report.auto = { isError: auto.isError ?? false, records: auto.structuredContent?.data?.length ?? -1 };

  let before = await count("customers");
  const declined = await main.client.callTool({ name: "stripe_create_customer", arguments: { email: "declined@example.com" } });
  report.declined = { isError: declined.isError, text: text(declined), delta: (await count("customers")) - before };

  answer = { action: "accept", content: { confirm: true } };
  before = await count("customers");
  const accepted = await main.client.callTool({ name: "stripe_create_customer", arguments: { email: "accepted@example.com" } });
  report.accepted = { isError: accepted.isError ?? false, text: text(accepted), delta: (await count("customers")) - before };
  report.asked = [...main.asked];

  before = await count("refunds");
  const restricted = await main.client.callTool({ name: "stripe_create_refund", arguments: { charge: chargeId } });
  report.restricted = { isError: restricted.isError, text: text(restricted), delta: (await count("refunds")) - before, asked: main.asked.length };

  const wrong = await main.client.callTool({ name: "stripe_list_customers", arguments: { limitt: 3 } });
  report.wrongParameter = { isError: wrong.isError, text: text(wrong) };

  const resources = (await main.client.listResources()).resources;
  report.resourceNames = resources.map((r) => r.name);
  const table = resources.find((r) => r.name === "stripe_customers");
  report.resource = table ? JSON.parse((await main.client.readResource({ uri: table.uri })).contents[0].text) : null;
  await main.client.close();

  const blind = await connect("paw-node-blind", null);
  before = await count("customers");
  const refused = await blind.client.callTool({ name: "stripe_create_customer", arguments: { email: "blind@example.com" } });
  report.noElicitation = { isError: refused.isError, text: text(refused), delta: (await count("customers")) - before };
  await blind.client.close();

  await new Promise((resolve) => setTimeout(resolve, 500)); // let captured bodies finish
  report.received = received.join("");
  return report;
}

const pawArgs = ["-jar", env.PAW_JAR, "--home", env.PAW_HOME, "mcp", "--pocket", env.POCKET];

// stdio: the SDK starts paw itself; every byte paw writes (stdout and stderr) is kept
const stdioReceived = [];
const stdio = await round(() => {
  const t = new StdioClientTransport({ command: "java", args: pawArgs, env: javaEnv, stderr: "pipe" });
  const start = t.start.bind(t);
  t.start = async () => {
    await start();
    t._process.stdout.on("data", (chunk) => stdioReceived.push(chunk.toString("utf8")));
    t._process.stderr?.on("data", (chunk) => stdioReceived.push(chunk.toString("utf8")));
  };
  return t;
}, stdioReceived);

// HTTP: paw mcp --http 0 prints its address and token; every response body is kept
const httpReceived = [];
const server = spawn("java", [...pawArgs, "--http", "0"], { env: javaEnv });
const { url, token } = await new Promise((resolve, reject) => {
  let err = "";
  server.stderr.on("data", (chunk) => {
    err += chunk.toString("utf8");
    httpReceived.push(chunk.toString("utf8"));
    const u = err.match(/listening on (\S+)/);
    const k = err.match(/bearer token (\S+)/);
    if (u && k) resolve({ url: u[1], token: k[1] });
  });
  server.on("exit", (code) => reject(new Error(`paw mcp --http exited ${code}: ${err}`)));
});
const unauthorized = (await fetch(url, { method: "POST", body: "{}", headers: { "Content-Type": "application/json" } })).status;
const capture = async (input, init) => {
  const response = await fetch(input, init);
  if (init?.method === "POST") {
    response.clone().text().then((body) => httpReceived.push(body), () => {});
  }
  return response;
};
const http = await round(
  () => new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
    fetch: capture,
  }),
  httpReceived
);
http.unauthorizedStatus = unauthorized;
server.kill("SIGTERM");
mock.close();
process.stdout.write(JSON.stringify({ stdio, http }));
process.exit(0);
