// A ransomware brand the rules know as a gang, named as the code another group ran, is a tool
// there: "Vice Society has relied on versions of the HelloKitty and Zeppelin ransomware",
// "Microsoft said Storm-2603 had started deploying Warlock ransomware" (the annotators' and STIX's
// reading: the group uses the malware; the brand's own crew is not in the story). Runs after the
// overlaps and the declared aliases, before roles and relations read the mentions.
#pragma once

#include "core/document.hpp"
#include "rules/ruleset.hpp"

namespace news {

void brands_as_tools(Document& doc, const RuleSet& rules);

}  // namespace news
