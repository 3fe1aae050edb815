// Starts stripe-stateful-mock on 127.0.0.1 only (its own cli.js listens on every interface).
// Usage: PORT=<port> NODE_PATH=<node_modules> node start-loopback.js
const { createExpressApp } = require("stripe-stateful-mock");
const port = Number(process.env.PORT || 0);
const server = createExpressApp().listen(port, "127.0.0.1", () => {
  console.log("stripe-stateful-mock listening on 127.0.0.1:" + server.address().port);
});
