// The rule registry: an explicit list, one line per rule, kept in the rule-group lists
// `rules/list_*.inc` (one DFLS_RULE(Id) line per rule). Each rule file defines
// `const Rule kRule<Id>` with its metadata and check function.
#include "rules/rule.h"

namespace dfls {

#define DFLS_RULE(id) extern const Rule kRule##id;
#include "rules/list_all.inc"
#undef DFLS_RULE

const std::vector<Rule>& all_rules() {
  static const std::vector<Rule> rules = {
#define DFLS_RULE(id) kRule##id,
#include "rules/list_all.inc"
#undef DFLS_RULE
  };
  return rules;
}

}  // namespace dfls
