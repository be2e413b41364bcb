// Runs every enabled rule over a document and applies the configuration once: disabled rules,
// severity overrides and suppression comments. Syntax errors come first, as rule "SyntaxError".
//
// The file's `# check=` directive also counts here, as BuildKit reads it: `experimental=` turns
// on BuildKit rules that are off by default, and `error=true` reports the BuildKit rules'
// findings as errors (the build fails on them). A level set in the configuration wins over both.
#pragma once

#include <span>
#include <vector>

#include "core/config.h"
#include "rules/rule.h"

namespace dfls {

// All findings for a document, sorted by position.
std::vector<Diag> run_rules(const Document& doc, const Config& config);

// The same with a given rule table instead of the registry (tests use made-up rules).
std::vector<Diag> run_rules(const Document& doc, const Config& config, std::span<const Rule> rules);

}  // namespace dfls
