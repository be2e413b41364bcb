// Formatting: a conservative whitespace formatter that never changes what a build does.
//
// - Lines that start an instruction, a comment or a parser directive lose their indentation.
// - Continuation lines are indented by at least one unit (a tab, or tab_size spaces), written with
//   tabs or spaces as the options say; deeper indentation keeps its visual width, so aligned
//   continuations stay aligned. A continuation line is left alone where its indentation is part
//   of a value: inside quotes, in a legacy `ENV key value` or `LABEL key value`, in WORKDIR,
//   USER, STOPSIGNAL, MAINTAINER and unknown instructions, in shell-form commands of a stage whose
//   shell is not POSIX (cmd keeps spaces), and where it would split a word that the escape
//   character joins (`foo\` followed by `bar` at the start of the next line).
// - ONBUILD and its instruction are separated by one space.
// - Whitespace-only lines become empty; trailing whitespace is removed.
// - Keyword case changes only when the options ask for it.
// - Heredoc bodies and terminators, lines inside syntax errors and the contents of strings are
//   never touched.
// The result is a list of small edits (whitespace runs and keywords), never a whole-document
// replacement, and formatting its result again gives no edits.
#pragma once

#include <cstddef>
#include <vector>

#include "core/document.h"
#include "core/range.h"

namespace dfls {

enum class KeywordCase { Preserve, Upper, Lower };

struct FormatOptions {
  size_t tab_size = 4;
  bool insert_spaces = true;
  bool trim_trailing_whitespace = true;
  bool insert_final_newline = false;
  bool trim_final_newlines = false;
  // Leave the indentation of continuation lines as it is (the peer's
  // `ignoreMultilineInstructions`); trailing whitespace and blank lines are still cleaned.
  bool ignore_multiline_instructions = false;
  KeywordCase keyword_case = KeywordCase::Preserve;
};

std::vector<TextEdit> format_document(const Document& doc, const FormatOptions& options);

// The edits of format_document that fall on the lines range touches (a range ending at the start
// of a line does not touch that line).
std::vector<TextEdit> format_range(const Document& doc, ByteRange range, const FormatOptions& options);

}  // namespace dfls
