// Peer for dates: chrono-node over each article, JSON Lines in, records out.
const chrono = require("chrono-node");
const readline = require("readline");
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on("line", (line) => {
  const art = JSON.parse(line);
  const ref = art.published ? new Date(art.published) : new Date();
  const dates = chrono.parse(art.text || "", ref).map((r) => ({ text: r.text, start: r.index }));
  process.stdout.write(JSON.stringify({ id: art.id, dates }) + "\n");
});
