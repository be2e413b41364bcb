// Completion: what may be typed at the cursor, from the text of the current logical line (see
// cursor_context.h) and the model. Contexts: instruction keywords (ONBUILD triggers included),
// parser directives and their values, flags and flag values, RUN --mount keys and values,
// variables after `$` / `${` and the `${VAR` modifiers, base images (earlier stages, images used
// in the file, then the embedded catalog), tags and digests, and per-instruction arguments
// (HEALTHCHECK CMD/NONE, EXPOSE protocols, STOPSIGNAL signals, SHELL arrays, USER names, WORKDIR
// and COPY/ADD destinations).
//
// Items replace exactly the typed prefix (`replace`); documentation that does not depend on the
// document is resolved lazily through `documentation_key` (completionItem/resolve).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/range.h"

namespace dfls {

// What an item is; the LSP layer maps these to CompletionItemKind (suggested: Keyword 14,
// Snippet 15, Flag -> Property 10, MountKey -> Field 5, Value -> Value 12, Variable 6,
// Stage -> Reference 18, Image -> Module 9, Tag and Digest -> Constant 21, Directive -> Keyword
// 14, Operator 24, Path -> Folder 19, User -> Value 12, Rule -> EnumMember 20).
enum class CompletionKind {
  Keyword, Snippet, Flag, MountKey, Value, Variable, Stage, Image, Tag, Digest, Directive,
  Operator, Path, User, Rule
};

struct CompletionOptions {
  bool snippets = false;  // The client supports snippet insert text.
  size_t max_items = 200;  // Lists longer than this are cut (and marked incomplete).
};

struct CompletionItem {
  std::string label;
  CompletionKind kind = CompletionKind::Value;
  std::string detail;
  std::string documentation_key;  // For completion_documentation(); empty when none.
  std::string documentation;      // Markdown known up front (document facts); may be empty.
  std::string insert_text;        // Plain text, or a snippet when `snippet`.
  bool snippet = false;
  ByteRange replace;              // Exactly the typed prefix.
  std::string filter_text;
  std::string sort_text;
  bool retrigger = false;         // Ask for completion again after inserting (e.g. "type=").
  bool deprecated = false;        // MAINTAINER.
};

struct CompletionList {
  bool is_incomplete = false;  // Cut to max_items, or depends on what is typed next.
  std::vector<CompletionItem> items;
};

CompletionList complete(const Document& doc, size_t offset, const CompletionOptions& options);

// Markdown documentation for an item's documentation_key (completionItem/resolve), or nothing
// for an unknown key. Keys: "instruction/<KEYWORD>", "flag/<KEYWORD>/<name>", "mount/<key>",
// "mounttype/<type>", "directive/<name>", "image/<name>", "rule/<RuleId>", "modifier/<op>".
std::optional<std::string> completion_documentation(std::string_view key);

}  // namespace dfls
