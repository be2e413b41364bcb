// Internal to completion: the item builder shared by the per-context files and the facts they
// gather from the model (users, workdirs, cache targets, ids, images used in the file).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model/model.h"
#include "features/completion.h"
#include "features/cursor_context.h"
#include "images/catalog.h"

namespace dfls::completion_detail {

// "GG.RRRRR": a group (what kind of item) then a rank inside the group.
std::string sort_key(int group, int rank);

struct Builder {
  const Document& doc;
  const CursorContext& ctx;
  const CompletionOptions& options;
  CompletionList list;

  // An item replacing the context's prefix and inserting its label.
  CompletionItem& add(std::string label, CompletionKind kind, std::string sort_text);
  // The same with another replace range (a tag after "name:", a modifier after "${NAME").
  CompletionItem& add_at(ByteRange replace, std::string label, CompletionKind kind, std::string sort_text);
  const model::Model& model() const { return doc.model(); }
  // Sorts, and when there are too many items, filters by prefix and cuts (is_incomplete).
  CompletionList finish();
};

// completion_keywords.cpp
void complete_keywords(Builder& b);
void complete_directive_names(Builder& b);
void complete_directive_values(Builder& b);

// completion_flags.cpp
void complete_flag_names(Builder& b);
void complete_flag_value(Builder& b);
void complete_mount_key(Builder& b);
void complete_mount_value(Builder& b);

// completion_images.cpp: "<image>[:<tag>][@<digest>]" typed in `typed` starting at `start`.
// Stages earlier than `before_stage` come first (with their index too when `numeric` is set).
void complete_image_ref(Builder& b, std::string_view typed, size_t start, int before_stage, bool numeric);

// completion.cpp
void complete_variables(Builder& b);
void complete_arguments(Builder& b);

// completion_facts.cpp
struct NamedValue {
  std::string value;
  std::string detail;
};
// Users (or groups) created by useradd/adduser (groupadd/addgroup) in RUNs of the stage chain
// before the instruction, then the base image's known users from the catalog.
std::vector<NamedValue> known_users(const Document& doc, int stage, int before, bool groups);
// WORKDIR paths of the stage chain before the instruction, nearest first.
std::vector<std::string> earlier_workdirs(const Document& doc, int stage, int before);
// Cache directories for the package managers the RUN under the cursor uses (detected first),
// then the others.
std::vector<NamedValue> cache_targets(const Document& doc, const CursorContext& ctx, bool* detected);
// Ids used by other mounts of these types in the file.
std::vector<std::string> mount_ids(const model::Model& m, unsigned type_bits);
// Image references used in the file (FROM bases that are not stages, COPY --from and mount
// from= images), each once.
std::vector<std::string> images_in_file(const model::Model& m);
// The catalog entry of a stage's base image (through FROM <stage> chains), and its tag.
const images::ImageInfo* base_image_of(const model::Model& m, int stage, std::string* tag);

bool starts_with_nocase(std::string_view s, std::string_view prefix);

}  // namespace dfls::completion_detail
