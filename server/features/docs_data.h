// Documentation tables for completion, hover and signature help: instructions, flags, RUN --mount
// keys and types, parser directives and `${VAR}` modifiers, written for dockerfile-ls, each linking
// to the matching section of Docker's Dockerfile reference. Facts follow
// /work/shared/spec/buildkit-semantics.md (BuildKit's Dockerfile frontend).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "core/model/model.h"
#include "images/catalog.h"

namespace dfls::docs {

// "https://docs.docker.com/reference/dockerfile/#<anchor>".
std::string reference_url(std::string_view anchor);

struct InstructionDoc {
  model::Kind kind;
  std::string_view summary;  // One sentence.
  std::string_view syntax;   // One form per line.
  std::string_view details;  // Markdown paragraph(s).
  std::string_view anchor;
};
const InstructionDoc* instruction_doc(model::Kind kind);

struct FlagDoc {
  model::Kind kind;
  std::string_view name;           // Without "--".
  std::string_view value;          // Value placeholder ("<mode>"); empty for a boolean flag.
  bool boolean = false;            // `--name` alone means true; `--name=false` is allowed.
  bool repeatable = false;
  std::string_view default_value;  // Empty when there is none worth saying.
  std::string_view summary;
  std::string_view anchor;
  std::string_view since;          // Dockerfile syntax version that added it, or empty.
};
// The flags BuildKit accepts on an instruction, in a useful order.
std::span<const FlagDoc> flags_of(model::Kind kind);
const FlagDoc* flag_doc(model::Kind kind, std::string_view name);

// Mount types as bits, for the types a key applies to.
enum MountTypeBit : unsigned { kBind = 1, kCache = 2, kTmpfs = 4, kSecret = 8, kSsh = 16, kAllTypes = 31 };
unsigned mount_type_bit(std::string_view type);  // 0 when unknown; "" means bind.

struct MountTypeDoc {
  std::string_view name;
  unsigned bit;
  std::string_view summary;
};
std::span<const MountTypeDoc> mount_types();
const MountTypeDoc* mount_type_doc(std::string_view name);

struct MountKeyDoc {
  std::string_view name;
  std::string_view canonical;  // The key this one is an alias of ("target" for "dst").
  unsigned types;              // MountTypeBit mask.
  std::string_view value;      // Placeholder; empty for a bare key (ro, rw).
  bool bare = false;           // May be written without "=value".
  std::string_view default_value;
  std::string_view summary;
};
std::span<const MountKeyDoc> mount_keys();
const MountKeyDoc* mount_key_doc(std::string_view key);

struct DirectiveDoc {
  std::string_view name;
  std::string_view summary;
  std::string_view syntax;
  std::string_view anchor;
};
std::span<const DirectiveDoc> directives();
const DirectiveDoc* directive_doc(std::string_view name);

struct ModifierDoc {
  std::string_view op;  // ":-", "##", "/" ...
  std::string_view form;
  std::string_view summary;
};
std::span<const ModifierDoc> modifiers();
const ModifierDoc* modifier_doc(std::string_view op);

// Markdown renderings shared by hover and completionItem/resolve.
std::string instruction_markdown(model::Kind kind);
std::string flag_markdown(const FlagDoc& flag);
std::string mount_key_markdown(const MountKeyDoc& key);
std::string mount_type_markdown(const MountTypeDoc& type);
std::string directive_markdown(const DirectiveDoc& directive);
std::string modifier_markdown(const ModifierDoc& modifier);
// An image of the embedded catalog: description, size, shell, users, package manager, slimmer
// variants. `tag` is the catalog row for `written_tag` (nullptr when no tag was written or known).
std::string image_markdown(const images::ImageInfo& image, const images::ImageTag* tag,
                           std::string_view written_tag);

}  // namespace dfls::docs
