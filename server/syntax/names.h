// The grammar's node and field names used by the server, in one place (see grammar/README.md).
#pragma once

#include <string_view>

namespace dfls::syntax::names {

// Nodes.
inline constexpr std::string_view kSourceFile = "source_file";
inline constexpr std::string_view kParserDirective = "parser_directive";
inline constexpr std::string_view kComment = "comment";
inline constexpr std::string_view kFlag = "flag";
inline constexpr std::string_view kMountOption = "mount_option";
inline constexpr std::string_view kImageSpec = "image_spec";
inline constexpr std::string_view kStageName = "stage_name";
inline constexpr std::string_view kJsonArray = "json_string_array";
inline constexpr std::string_view kJsonString = "json_string";
inline constexpr std::string_view kShellCommand = "shell_command";
inline constexpr std::string_view kHeredocMarker = "heredoc_marker";
inline constexpr std::string_view kHeredocBlock = "heredoc_block";
inline constexpr std::string_view kHeredocBody = "heredoc_body";
inline constexpr std::string_view kHeredocEnd = "heredoc_end";
inline constexpr std::string_view kEnvPair = "env_pair";
inline constexpr std::string_view kLabelPair = "label_pair";
inline constexpr std::string_view kArgDefinition = "arg_definition";
inline constexpr std::string_view kExpansion = "expansion";
inline constexpr std::string_view kPath = "path";
inline constexpr std::string_view kExposePort = "expose_port";
inline constexpr std::string_view kLineContinuation = "line_continuation";
inline constexpr std::string_view kUnknownInstruction = "unknown_instruction";
inline constexpr std::string_view kFromInstruction = "from_instruction";
inline constexpr std::string_view kMaintainerInstruction = "maintainer_instruction";
inline constexpr std::string_view kOnbuildInstruction = "onbuild_instruction";
inline constexpr std::string_view kHealthcheckInstruction = "healthcheck_instruction";
inline constexpr std::string_view kVariable = "variable";
inline constexpr std::string_view kLabelKey = "label_key";
inline constexpr std::string_view kDoubleQuotedString = "double_quoted_string";
inline constexpr std::string_view kSingleQuotedString = "single_quoted_string";
inline constexpr std::string_view kHeredocDelimiter = "heredoc_delimiter";

// Fields.
inline constexpr std::string_view kKeyword = "keyword";
inline constexpr std::string_view kName = "name";
inline constexpr std::string_view kValue = "value";
inline constexpr std::string_view kKey = "key";
inline constexpr std::string_view kImage = "image";
inline constexpr std::string_view kAlias = "alias";
inline constexpr std::string_view kDefault = "default";
inline constexpr std::string_view kOperator = "operator";
inline constexpr std::string_view kWord = "word";
inline constexpr std::string_view kInstruction = "instruction";
inline constexpr std::string_view kDelimiter = "delimiter";
inline constexpr std::string_view kRegistry = "registry";
inline constexpr std::string_view kType = "type";

}  // namespace dfls::syntax::names
