#!/usr/bin/env python3
"""Copies a rules folder and adds N synthetic organisations (a user's list of company
names, say) as rules/actors/zz-synthetic.tsv, for the benchmark of rule scale.
   synthetic_rules.py RULES OUT N"""
import itertools, random, shutil, sys

rules, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
shutil.rmtree(out, ignore_errors=True)
shutil.copytree(rules, out)
first = ["Alder", "Birch", "Cobalt", "Delta", "Ember", "Fjord", "Granite", "Harbor", "Indigo", "Juniper",
         "Kestrel", "Lumen", "Meridian", "Nimbus", "Onyx", "Pioneer", "Quarry", "Riverside", "Summit", "Tundra",
         "Umber", "Vantage", "Willow", "Xenon", "Yarrow", "Zephyr", "Aurora", "Beacon", "Cascade", "Driftwood"]
middle = ["Quantum", "Coastal", "Northern", "United", "Global", "Prairie", "Metro", "Atlantic", "Pacific", "Highland",
          "Digital", "Mutual", "Civic", "Lakeside", "Central", "Frontier", "Heritage", "Keystone", "Liberty", "Orchard",
          "Silver", "Golden", "Crimson", "Emerald", "Sapphire", "Copper", "Iron", "Maple", "Cedar", "Pine",
          "Harvest", "Granary", "Beacon", "Compass", "Anchor", "Lantern", "Falcon", "Otter", "Heron", "Bison"]
last = ["Holdings", "Logistics", "Foods", "Analytics", "Textiles", "Freight", "Pharma", "Robotics", "Insurance", "Mills",
        "Shipping", "Energy Partners", "Brewing", "Ceramics", "Outfitters", "Dairy", "Plastics", "Optics", "Labs", "Motors",
        "Hotels", "Clinics", "Bakeries", "Lumber", "Paperworks", "Telecom", "Software", "Semiconductors", "Airways", "Marine"]
countries = ["US", "GB", "DE", "FR", "JP", "CA", "AU", "IN", "BR", "KR"]
names = [" ".join(p) for p in itertools.product(first, middle, last)]
random.Random(6).shuffle(names)
with open(f"{out}/actors/zz-synthetic.tsv", "w", encoding="utf-8") as f:
    f.write("# Synthetic organisations for the rule-scale benchmark (tools/bench/run); not knowledge.\n")
    f.write("id\tname\tkind\tcountry\taliases\n")
    for i in range(n):
        base = names[i % len(names)]
        name = base if i < len(names) else f"{base} {i // len(names) + 1}"
        f.write(f"synthetic-{i:06d}\t{name}\torganization\t{countries[i % len(countries)]}\t{name} Inc\n")
