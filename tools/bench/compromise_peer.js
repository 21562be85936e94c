// Peer for the general reading a user might try: compromise's people, organisations and
// places for each article, JSON Lines in, one small record per line out.
const nlp = require("compromise");
const readline = require("readline");
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on("line", (line) => {
  const art = JSON.parse(line);
  const doc = nlp(art.text || "");
  const out = { id: art.id, people: doc.people().out("array"), organizations: doc.organizations().out("array"), places: doc.places().out("array") };
  process.stdout.write(JSON.stringify(out) + "\n");
});
