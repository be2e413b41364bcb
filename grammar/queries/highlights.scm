; Syntax highlighting for Dockerfiles.

; Keywords -------------------------------------------------------------------

[
  "FROM"
  "RUN"
  "CMD"
  "LABEL"
  "MAINTAINER"
  "EXPOSE"
  "ENV"
  "ADD"
  "COPY"
  "ENTRYPOINT"
  "VOLUME"
  "USER"
  "WORKDIR"
  "ARG"
  "ONBUILD"
  "STOPSIGNAL"
  "HEALTHCHECK"
  "SHELL"
  "AS"
  "NONE"
] @keyword

(unknown_instruction
  keyword: (unknown_keyword) @keyword)

; Comments and parser directives ---------------------------------------------

(comment) @comment

(parser_directive
  "#" @keyword.directive
  name: (directive_name) @keyword.directive
  "=" @operator
  value: (directive_value) @string.special)

; Flags ----------------------------------------------------------------------

(flag
  name: (flag_name) @attribute)

(flag
  "=" @operator)

(flag_value) @string

"--" @punctuation.special

(mount_option
  key: (option_key) @property)

(mount_option
  "=" @operator)

(option_value) @string

(mount_spec
  "," @punctuation.delimiter)

; FROM -----------------------------------------------------------------------

(image_registry) @string.special

(image_name) @string.special

(image_tag) @string.special

(image_digest) @string.special

(image_spec
  [
    "/"
    ":"
    "@"
  ] @punctuation.delimiter)

(stage_name) @label

; Names and values -----------------------------------------------------------

(env_pair
  name: (variable) @variable)

(arg_definition
  name: (variable) @variable)

(label_pair
  name: (label_key) @property)

(env_pair
  "=" @operator)

(label_pair
  "=" @operator)

(arg_definition
  "=" @operator)

(value) @string

(path) @string.special.path

(expose_port) @number

(user_name) @string

(group_name) @string

(user_instruction
  ":" @punctuation.delimiter)

(maintainer_instruction
  name: (raw_text) @string)

; BuildKit ignores text after a JSON array.
(_
  ignored: (raw_text) @comment)

; Quoting and escapes --------------------------------------------------------
; Quoted strings take the colour of the word they are part of.

(escape_sequence) @string.escape

(line_continuation) @punctuation.special

; Variable expansion ---------------------------------------------------------

(expansion
  [
    "$"
    "${"
    "}"
  ] @punctuation.special)

(expansion
  name: (variable) @variable)

(expansion
  operator: (operator) @operator)

(expansion
  "/" @operator)

(expansion
  word: (word) @string)

(expansion
  replacement: (word) @string)

; JSON form ------------------------------------------------------------------

(json_string) @string

(json_string_array
  [
    "["
    "]"
  ] @punctuation.bracket)

(json_string_array
  "," @punctuation.delimiter)

; Heredocs -------------------------------------------------------------------

(heredoc_marker
  [
    "<<"
    "<<-"
  ] @operator)

(heredoc_delimiter) @label

(heredoc_end) @label

(heredoc_body) @string
