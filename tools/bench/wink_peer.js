// Peer for actors: wink-nlp with every alias of rules/actors as a custom entity,
// JSON Lines in, one small record per line out. argv[2] is the rules folder.
const fs = require("fs");
const path = require("path");
const readline = require("readline");
const winkNLP = require("wink-nlp");
const model = require("wink-eng-lite-web-model");
const its = require("wink-nlp/src/its.js");

const patterns = new Map();  // canonical name -> literal token patterns
const folder = path.join(process.argv[2], "actors");
for (const file of fs.readdirSync(folder).filter((f) => f.endsWith(".tsv"))) {
  let header = null;
  for (const line of fs.readFileSync(path.join(folder, file), "utf8").split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    const cols = line.split("\t");
    if (!header) { header = cols; continue; }
    const row = Object.fromEntries(header.map((h, i) => [h, cols[i] || ""]));
    for (let form of [row.name, ...row.aliases.split("|")]) {
      form = form.replace(/\*$/, "").toLowerCase();
      // wink's pattern language gives [ ] and | a meaning: such forms are left out.
      if (!form || form === "-" || /[\[\]|]/.test(form)) continue;
      if (!patterns.has(row.name)) patterns.set(row.name, []);
      patterns.get(row.name).push(form);
    }
  }
}
const nlp = winkNLP(model);
nlp.learnCustomEntities([...patterns].map(([name, p]) => ({ name, patterns: p })), { matchValue: false, usePOS: false, useEntity: false });
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on("line", (line) => {
  const art = JSON.parse(line);
  const doc = nlp.readDoc(art.text || "");
  const actors = [...new Set(doc.customEntities().out(its.type))].sort();
  process.stdout.write(JSON.stringify({ id: art.id, actors }) + "\n");
});
