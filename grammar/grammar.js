/**
 * @file Tree-sitter grammar for Dockerfiles, modelled on BuildKit's own parser.
 *
 * The layout follows the life of a Dockerfile line: the source file is a list of
 * logical lines; each logical line is a parser directive or an instruction; each
 * instruction has a keyword, optional flags and arguments whose shape depends on
 * the instruction. Rules are grouped per instruction, and the small building
 * blocks (words, quoted strings, variable expansions) come at the bottom.
 *
 * Everything that depends on context lives in the external scanner
 * (src/scanner.c): the escape character chosen by `# escape=`, line
 * continuations and the comment and blank lines inside them, parser directives,
 * heredoc bodies, the choice between JSON and shell form, flag names, shell text
 * and image registries.
 */

/* eslint-disable no-unused-vars */

// Characters that never belong to an unquoted word piece: whitespace, quotes,
// the start of a variable expansion and both possible escape characters (the
// scanner decides which one is the escape character).
const WORD_STOP = '\\s"\'$\\\\`';

/**
 * A regular expression for a run of plain word characters, excluding `extra`.
 *
 * @param {string} extra more characters that end the run
 * @return {RegExp}
 */
function textRun(extra) {
  return new RegExp(`[^${WORD_STOP}${extra}]+`);
}

// Immediate tokens win over their free-standing twins when both could match,
// so that `a$B"c"` stays one word.
const IMMEDIATE = 1;

/**
 * A token that must follow the previous token without whitespace.
 *
 * @param {RuleOrLiteral} rule
 * @return {RuleOrLiteral}
 */
function immediate(rule) {
  return token.immediate(prec(IMMEDIATE, rule));
}

module.exports = grammar({
  name: 'dockerfile',

  externals: ($) => [
    // Line structure.
    $._newline,
    $._heredoc_newline,
    $.line_continuation,
    $.comment,
    $.empty_continuation_line,
    $._comment_newline,
    $._beginning_of_file,
    // Keywords: case-insensitive whole words, only where an instruction (or
    // AS, NONE) can start.
    $._keyword_from,
    $._keyword_run,
    $._keyword_cmd,
    $._keyword_label,
    $._keyword_maintainer,
    $._keyword_expose,
    $._keyword_env,
    $._keyword_add,
    $._keyword_copy,
    $._keyword_entrypoint,
    $._keyword_volume,
    $._keyword_user,
    $._keyword_workdir,
    $._keyword_arg,
    $._keyword_onbuild,
    $._keyword_stopsignal,
    $._keyword_healthcheck,
    $._keyword_shell,
    $.unknown_keyword,
    $._keyword_as,
    $._keyword_none,
    $._directive_start,
    $.directive_name,
    $.directive_value,
    // Argument forms.
    $._json_start,
    $._not_json,
    $.flag_name,
    $._mount_flag_name,
    $._end_of_flags,
    $.shell_fragment,
    $._raw_fragment,
    // Heredocs.
    $._heredoc_start,
    $._heredoc_start_dash,
    $.heredoc_delimiter,
    $.heredoc_body,
    $.heredoc_end,
    // Word pieces that depend on the escape character.
    $._image_registry,
    $._escape_sequence,
    $._escape_sequence_immediate,
    $._literal,
    $._literal_immediate,
    $._word_after_continuation,
    // Never valid in the grammar: tells the scanner that the parser is recovering from an error.
    $._error_sentinel,
  ],

  extras: ($) => [
    /[ \t\r\f\v]/,
    /\uFEFF/,
    $.line_continuation,
    $.comment,
    $.empty_continuation_line,
    $._comment_newline,
  ],

  supertypes: ($) => [$._instruction],

  rules: {
    // A Dockerfile is a list of logical lines. The last line need not end with a newline.
    source_file: ($) => seq(
      optional($._beginning_of_file),
      repeat(choice($._newline, seq($._line, $._newline))),
      optional($._line),
    ),

    _line: ($) => choice($.parser_directive, $._instruction),

    // Parser directives such as `# escape=`` ` are only recognised at the very top
    // of the file; the scanner decides which comment-like lines are directives.
    parser_directive: ($) => seq(
      alias($._directive_start, '#'),
      field('name', $.directive_name),
      '=',
      field('value', $.directive_value),
    ),

    _instruction: ($) => choice(
      $.from_instruction,
      $.run_instruction,
      $.cmd_instruction,
      $.label_instruction,
      $.maintainer_instruction,
      $.expose_instruction,
      $.env_instruction,
      $.add_instruction,
      $.copy_instruction,
      $.entrypoint_instruction,
      $.volume_instruction,
      $.user_instruction,
      $.workdir_instruction,
      $.arg_instruction,
      $.onbuild_instruction,
      $.stopsignal_instruction,
      $.healthcheck_instruction,
      $.shell_instruction,
      $.unknown_instruction,
    ),

    // ---------------------------------------------------------------------
    // Flags. Every instruction accepts them so that the server can report the
    // ones an instruction does not support. A bare `--` ends the flag list.

    _flags: ($) => choice(
      seq(repeat1($.flag), optional(alias($._end_of_flags, '--'))),
      alias($._end_of_flags, '--'),
    ),

    flag: ($) => choice(
      seq(
        field('name', alias($._mount_flag_name, $.flag_name)),
        optional(seq(immediate('='), optional(field('value', $.mount_spec)))),
      ),
      seq(
        field('name', $.flag_name),
        optional(seq(immediate('='), optional(field('value', $.flag_value)))),
      ),
    ),

    flag_value: ($) => repeat1($._piece_immediate),

    // `--mount=type=cache,target=/root/.cache,ro` is a comma separated list of
    // options, each `key=value` or a bare key.
    mount_spec: ($) => seq(
      $.mount_option,
      repeat(seq(immediate(','), optional($.mount_option))),
    ),

    mount_option: ($) => seq(
      field('key', $.option_key),
      optional(seq(immediate('='), optional(field('value', $.option_value)))),
    ),

    option_key: ($) => repeat1(pieceImmediate($, $._option_key_text_immediate)),

    option_value: ($) => repeat1(pieceImmediate($, $._option_value_text_immediate)),

    // ---------------------------------------------------------------------
    // FROM [--platform=<platform>] <image> [AS <name>]

    from_instruction: ($) => seq(
      field('keyword', alias($._keyword_from, 'FROM')),
      optional($._flags),
      optional(seq(
        field('image', $.image_spec),
        optional(seq(
          alias($._keyword_as, 'AS'),
          optional(field('alias', $.stage_name)),
        )),
      )),
    ),

    // An image reference: `[registry/]name[:tag][@digest]`. The registry is
    // only split off when the scanner can see it is a host name (it contains a
    // dot or a port, or is `localhost`) followed by a slash.
    image_spec: ($) => seq(
      choice(
        seq(
          field('registry', alias($._image_registry, $.image_registry)),
          immediate('/'),
          field('name', alias($._image_name_after_registry, $.image_name)),
        ),
        field('name', alias($._image_name, $.image_name)),
      ),
      optional(seq(immediate(':'), optional(field('tag', alias($._image_tag, $.image_tag))))),
      optional(seq(immediate('@'), optional(field('digest', alias($._word_immediate, $.image_digest))))),
    ),

    _image_name: ($) => seq(
      piece($, $._image_name_text),
      repeat(pieceImmediate($, $._image_name_text_immediate)),
    ),

    _image_name_after_registry: ($) => repeat1(pieceImmediate($, $._image_name_text_immediate)),

    _image_tag: ($) => repeat1(pieceImmediate($, $._image_tag_text_immediate)),

    stage_name: (_) => /[^\s\\`"']+/,

    // ---------------------------------------------------------------------
    // RUN [flags] <command> followed by the bodies of its heredocs.

    run_instruction: ($) => seq(
      field('keyword', alias($._keyword_run, 'RUN')),
      optional($._flags),
      optional(jsonOr($, 'command', field('command', alias($._shell_command_with_heredocs, $.shell_command)))),
      repeat($.heredoc_block),
    ),

    // ---------------------------------------------------------------------
    // CMD, ENTRYPOINT and SHELL take a JSON array or shell text.

    cmd_instruction: ($) => seq(
      field('keyword', alias($._keyword_cmd, 'CMD')),
      optional($._flags),
      optional(jsonOr($, 'command', field('command', $.shell_command))),
    ),

    entrypoint_instruction: ($) => seq(
      field('keyword', alias($._keyword_entrypoint, 'ENTRYPOINT')),
      optional($._flags),
      optional(jsonOr($, 'command', field('command', $.shell_command))),
    ),

    shell_instruction: ($) => seq(
      field('keyword', alias($._keyword_shell, 'SHELL')),
      optional($._flags),
      optional(jsonOr($, 'command', field('command', $.shell_command))),
    ),

    // ---------------------------------------------------------------------
    // LABEL <key>=<value> ... or the legacy LABEL <key> <value>

    label_instruction: ($) => seq(
      field('keyword', alias($._keyword_label, 'LABEL')),
      optional($._flags),
      optional(choice(
        repeat1($.label_pair),
        alias($._label_pair_legacy, $.label_pair),
      )),
    ),

    label_pair: ($) => seq(
      field('name', alias($._name_word, $.label_key)),
      immediate('='),
      optional(field('value', alias($._word_immediate, $.value))),
    ),

    _label_pair_legacy: ($) => seq(
      field('name', alias($._name_word, $.label_key)),
      optional(field('value', alias($._rest_of_line, $.value))),
    ),

    // ---------------------------------------------------------------------
    // MAINTAINER <text> (deprecated); its text is not expanded.

    maintainer_instruction: ($) => seq(
      field('keyword', alias($._keyword_maintainer, 'MAINTAINER')),
      optional($._flags),
      optional(field('name', $.raw_text)),
    ),

    // ---------------------------------------------------------------------
    // EXPOSE <port>[/<protocol>] ...

    expose_instruction: ($) => seq(
      field('keyword', alias($._keyword_expose, 'EXPOSE')),
      optional($._flags),
      repeat(field('port', alias($._word, $.expose_port))),
    ),

    // ---------------------------------------------------------------------
    // ENV <key>=<value> ... or the legacy ENV <key> <value>

    env_instruction: ($) => seq(
      field('keyword', alias($._keyword_env, 'ENV')),
      optional($._flags),
      optional(choice(
        repeat1($.env_pair),
        alias($._env_pair_legacy, $.env_pair),
      )),
    ),

    env_pair: ($) => seq(
      field('name', alias($._name_word, $.variable)),
      immediate('='),
      optional(field('value', alias($._word_immediate, $.value))),
    ),

    _env_pair_legacy: ($) => seq(
      field('name', alias($._name_word, $.variable)),
      optional(field('value', alias($._rest_of_line, $.value))),
    ),

    // ---------------------------------------------------------------------
    // ADD and COPY: [flags] <source>... <destination>, a JSON array, or heredocs.

    add_instruction: ($) => seq(
      field('keyword', alias($._keyword_add, 'ADD')),
      optional($._flags),
      optional(jsonOr($, 'arguments', $._copy_arguments)),
      repeat($.heredoc_block),
    ),

    copy_instruction: ($) => seq(
      field('keyword', alias($._keyword_copy, 'COPY')),
      optional($._flags),
      optional(jsonOr($, 'arguments', $._copy_arguments)),
      repeat($.heredoc_block),
    ),

    // With one argument it is a source (the destination is still missing);
    // with more, the last one is the destination.
    _copy_arguments: ($) => choice(
      field('source', $._copy_item),
      seq(
        repeat1(field('source', $._copy_item)),
        field('destination', $._copy_item),
      ),
    ),

    _copy_item: ($) => choice(alias($._word, $.path), $.heredoc_marker),

    // ---------------------------------------------------------------------
    // VOLUME <path>... or a JSON array

    volume_instruction: ($) => seq(
      field('keyword', alias($._keyword_volume, 'VOLUME')),
      optional($._flags),
      optional(jsonOr($, 'arguments', repeat1(field('path', alias($._word, $.path))))),
    ),

    // ---------------------------------------------------------------------
    // USER <user>[:<group>]

    user_instruction: ($) => seq(
      field('keyword', alias($._keyword_user, 'USER')),
      optional($._flags),
      optional(choice(
        seq(
          field('user', alias($._user_part, $.user_name)),
          optional(seq(
            immediate(':'),
            optional(field('group', alias($._group_part, $.group_name))),
          )),
        ),
        seq(':', optional(field('group', alias($._group_part, $.group_name)))),
      )),
    ),

    _user_part: ($) => seq(
      piece($, $._user_text),
      repeat(choice(piece($, $._user_text), pieceImmediate($, $._user_text_immediate))),
    ),

    _group_part: ($) => repeat1(choice($._piece, $._piece_immediate)),

    // ---------------------------------------------------------------------
    // WORKDIR <path> (the rest of the line is one path)

    workdir_instruction: ($) => seq(
      field('keyword', alias($._keyword_workdir, 'WORKDIR')),
      optional($._flags),
      optional(field('path', alias($._rest_of_line, $.path))),
    ),

    // ---------------------------------------------------------------------
    // ARG <name>[=<default>] ...

    arg_instruction: ($) => seq(
      field('keyword', alias($._keyword_arg, 'ARG')),
      optional($._flags),
      repeat($.arg_definition),
    ),

    arg_definition: ($) => seq(
      field('name', alias($._name_word, $.variable)),
      optional(seq(
        immediate('='),
        optional(field('default', alias($._word_immediate, $.value))),
      )),
    ),

    // ---------------------------------------------------------------------
    // ONBUILD <instruction>

    onbuild_instruction: ($) => seq(
      field('keyword', alias($._keyword_onbuild, 'ONBUILD')),
      optional($._flags),
      optional(field('instruction', $._instruction)),
    ),

    // ---------------------------------------------------------------------
    // STOPSIGNAL <signal>

    stopsignal_instruction: ($) => seq(
      field('keyword', alias($._keyword_stopsignal, 'STOPSIGNAL')),
      optional($._flags),
      optional(field('signal', alias($._rest_of_line, $.value))),
    ),

    // ---------------------------------------------------------------------
    // HEALTHCHECK NONE, or HEALTHCHECK [flags] CMD <command>

    healthcheck_instruction: ($) => seq(
      field('keyword', alias($._keyword_healthcheck, 'HEALTHCHECK')),
      optional($._flags),
      optional(choice(
        field('type', alias($._keyword_none, 'NONE')),
        seq(
          field('type', alias($._keyword_cmd, 'CMD')),
          optional(jsonOr($, 'command', field('command', $.shell_command))),
        ),
      )),
    ),

    // ---------------------------------------------------------------------
    // Any other word at the start of a line: the keyword and the raw rest of
    // the logical line.

    unknown_instruction: ($) => seq(
      field('keyword', $.unknown_keyword),
      optional(field('arguments', $.raw_text)),
    ),

    // ---------------------------------------------------------------------
    // Shell form: text pieces from the scanner, simple `$VAR`/`${VAR}`
    // references (outside single quotes) and, for RUN, heredoc markers.

    shell_command: ($) => repeat1(choice(
      $.shell_fragment,
      alias($._shell_expansion, $.expansion),
    )),

    _shell_command_with_heredocs: ($) => repeat1(choice(
      $.shell_fragment,
      alias($._shell_expansion, $.expansion),
      $.heredoc_marker,
    )),

    _shell_expansion: ($) => choice(
      seq('$', field('name', $.variable)),
      seq('${', field('name', $.variable), immediate('}')),
    ),

    // Text that Dockerfile does not interpret (MAINTAINER, unknown
    // instructions, text after a JSON array).
    raw_text: ($) => repeat1($._raw_fragment),

    // ---------------------------------------------------------------------
    // JSON (exec) form. The scanner only lets the parser in here after it has
    // checked that the logical line holds a JSON array of strings.

    json_string_array: ($) => seq(
      '[',
      optional(seq($.json_string, repeat(seq(',', $.json_string)))),
      ']',
    ),

    json_string: (_) => token(seq(
      '"',
      repeat(choice(/[^"\\\r\n]/, /\\(["\\/bfnrt]|u[0-9a-fA-F]{4})/)),
      '"',
    )),

    // ---------------------------------------------------------------------
    // Heredocs: `<<EOF` in the instruction line, then one block per marker.

    heredoc_marker: ($) => seq(
      choice(alias($._heredoc_start, '<<'), alias($._heredoc_start_dash, '<<-')),
      field('delimiter', $.heredoc_delimiter),
    ),

    heredoc_block: ($) => seq(
      $._heredoc_newline,
      optional(seq(field('body', $.heredoc_body), $._heredoc_newline)),
      field('end', $.heredoc_end),
    ),

    // ---------------------------------------------------------------------
    // Words: sequences of adjacent pieces. The first piece of a word may follow
    // whitespace; the others must touch the piece before them.

    _word: ($) => seq($._piece, repeat($._piece_immediate)),

    _word_immediate: ($) => repeat1($._piece_immediate),

    // A variable or label name: a word that stops at `=`.
    _name_word: ($) => seq(
      piece($, $._name_text),
      repeat(pieceImmediate($, $._name_text_immediate)),
    ),

    // The rest of the logical line as one value; whitespace between pieces is kept in the node.
    _rest_of_line: ($) => repeat1($._piece),

    _piece: ($) => piece($, $._text),

    _piece_immediate: ($) => pieceImmediate($, $._text_immediate),

    double_quoted_string: ($) => seq('"', repeat($._double_quoted_content), immediate('"')),

    _double_quoted_string_immediate: ($) => seq(immediate('"'), repeat($._double_quoted_content), immediate('"')),

    _double_quoted_content: ($) => choice(
      immediate(/[^"$\\`\r\n]+/),
      alias($._expansion_immediate, $.expansion),
      alias($._escape_sequence_immediate, $.escape_sequence),
      $._literal_immediate,
    ),

    single_quoted_string: ($) => seq('\'', repeat($._single_quoted_content), immediate('\'')),

    _single_quoted_string_immediate: ($) => seq(immediate('\''), repeat($._single_quoted_content), immediate('\'')),

    _single_quoted_content: ($) => choice(
      immediate(/[^'\\`\r\n]+/),
      $._literal_immediate,
    ),

    // ---------------------------------------------------------------------
    // Variable expansion: `$name`, `${name}` and `${name<operator><word>}`.

    expansion: ($) => choice(
      seq('$', field('name', $.variable)),
      seq('${', $._braced_expansion),
    ),

    _expansion_immediate: ($) => choice(
      seq(immediate('$'), field('name', $.variable)),
      seq(immediate('${'), $._braced_expansion),
    ),

    _braced_expansion: ($) => seq(
      field('name', $.variable),
      optional(choice(
        seq(
          field('operator', alias(
            choice(immediate(':-'), immediate('-'), immediate(':+'), immediate('+'), immediate(':?'),
              immediate('?'), immediate('#'), immediate('##'), immediate('%'), immediate('%%')),
            $.operator,
          )),
          optional(field('word', alias($._expansion_word, $.word))),
        ),
        seq(
          field('operator', alias(choice(immediate('/'), immediate('//')), $.operator)),
          optional(field('word', alias($._expansion_pattern, $.word))),
          optional(seq(
            immediate('/'),
            optional(field('replacement', alias($._expansion_word, $.word))),
          )),
        ),
      )),
      immediate('}'),
    ),

    _expansion_word: ($) => repeat1(pieceImmediate($, $._expansion_text_immediate)),

    _expansion_pattern: ($) => repeat1(pieceImmediate($, $._expansion_pattern_text_immediate)),

    variable: (_) => immediate(/[\p{L}_][\p{L}\p{Nd}_]*|[0-9]+|[@*#?$!\-]/),

    // ---------------------------------------------------------------------
    // Tokens.

    _text: (_) => textRun(''),
    _text_immediate: (_) => immediate(textRun('')),
    _name_text: (_) => textRun('='),
    _name_text_immediate: (_) => immediate(textRun('=')),
    _image_name_text: (_) => textRun(':@'),
    _image_name_text_immediate: (_) => immediate(textRun(':@')),
    _image_tag_text_immediate: (_) => immediate(textRun('@')),
    _option_key_text_immediate: (_) => immediate(textRun('=,')),
    _option_value_text_immediate: (_) => immediate(textRun(',')),
    _user_text: (_) => textRun(':'),
    _user_text_immediate: (_) => immediate(textRun(':')),
    _expansion_text_immediate: (_) => immediate(/[^}"'$\\`\r\n]+/),
    _expansion_pattern_text_immediate: (_) => immediate(/[^}/"'$\\`\r\n]+/),

  },
});

/**
 * One piece of a word that may follow whitespace.
 *
 * @param {GrammarSymbols<string>} $
 * @param {RuleOrLiteral} text the plain-text token of this kind of word
 * @return {ChoiceRule}
 */
function piece($, text) {
  return choice(
    text,
    $.double_quoted_string,
    $.single_quoted_string,
    $.expansion,
    alias($._escape_sequence, $.escape_sequence),
    $._literal,
    // After `a \` the next line starts a new word even without indentation; the
    // scanner marks that by producing the word's first characters itself.
    $._word_after_continuation,
  );
}

/**
 * One piece of a word that touches the piece before it.
 *
 * @param {GrammarSymbols<string>} $
 * @param {RuleOrLiteral} text the immediate plain-text token of this kind of word
 * @return {ChoiceRule}
 */
function pieceImmediate($, text) {
  return choice(
    text,
    alias($._double_quoted_string_immediate, $.double_quoted_string),
    alias($._single_quoted_string_immediate, $.single_quoted_string),
    alias($._expansion_immediate, $.expansion),
    alias($._escape_sequence_immediate, $.escape_sequence),
    $._literal_immediate,
  );
}

/**
 * The arguments of an instruction that accepts JSON form: either a JSON array
 * of strings (possibly followed by text that BuildKit ignores) or `other`.
 *
 * @param {GrammarSymbols<string>} $
 * @param {string} name the field that holds the JSON array
 * @param {RuleOrLiteral} other the non-JSON form
 * @return {ChoiceRule}
 */
function jsonOr($, name, other) {
  return choice(
    seq(
      $._json_start,
      field(name, $.json_string_array),
      optional(field('ignored', $.raw_text)),
    ),
    seq(optional($._not_json), other),
  );
}
