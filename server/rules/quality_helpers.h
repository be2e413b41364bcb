// Helpers shared by the build-practice rules (layer-cache ordering, cache mounts, secrets, final
// images, npm): the final stage and what reaches it, base images and their users, working
// directories, RUN scripts split by the shell splitter, package-manager commands with their
// manifests and cache directories, the build context on disk, and secret patterns.
//
// Implemented in quality_helpers.cpp (stages, images, users, edits), quality_command.cpp (what
// the image runs), quality_scripts.cpp (RUN scripts), quality_tools.cpp (package managers),
// quality_context.cpp (the build context) and quality_secrets.cpp (secrets).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dockerignore.h"
#include "core/model/model.h"
#include "core/shell/shell.h"
#include "rules/rule.h"

namespace dfls::quality {

// ---------------------------------------------------------------------------------------------
// Stages, base images, users and working directories.

// The stage the build produces: the configured target, else the last stage; -1 without stages.
int final_stage(const model::Model& m, const Config& config);
// A stage and the stages it is based on (FROM <stage>), nearest first.
std::vector<int> stage_chain(const model::Model& m, int stage);
// Whether files of a stage end up in the final image: it is the final stage or one it is based
// on, or a COPY --from copies from it into such a stage (transitively).
bool reaches_final_image(const model::Model& m, const Config& config, int stage);

struct BaseImage {
  std::string name;  // Catalog-normalised ("node", "gcr.io/distroless/static-debian12"); empty when unknown.
  std::string tag;
  bool scratch = false;
  int root_stage = -1;  // The stage of the chain whose FROM names an image.
  const model::Stage* root = nullptr;
};
BaseImage stage_base(const model::Model& m, int stage);
// Whether /bin/sh exists in the image: not in scratch, distroless (except :debug tags) and the
// images the catalog lists without one. Unknown images count as having one.
bool image_has_shell(const BaseImage& image);
// Whether the image is a full build image (SDK or toolchain) by the catalog.
bool is_build_image(const BaseImage& image);
// "node:22" as written in the stage's FROM, for messages.
std::string image_label(const BaseImage& image);

struct StageUser {
  std::string name;       // "root", "node", "nonroot"; empty when only a uid is known.
  std::optional<int> uid;
  bool known = false;     // False when a variable or an unknown image decides.
  bool explicit_user = false;  // Set by a USER instruction (not the image default).
  int instruction = -1;   // The USER instruction, or -1.

  bool root() const { return name == "root" || (uid && *uid == 0) || (name.empty() && !uid); }
  // The home directory, or "" when it cannot be told.
  std::string home() const;
};
// The user in effect just before instruction `before` of the stage (-1: at the end of the stage).
StageUser user_at(const model::Model& m, int stage, int before, std::string_view text);

// A path word of an instruction (a WORKDIR, a COPY destination) with its variables expanded: the
// values in effect there (rules::lookup_at), and the ENV that well-known base images set where the
// Dockerfile gives none (GOPATH=/go in golang images). Nothing when a variable with an unknown
// value decides or the word does not expand.
std::optional<std::string> expand_path(const model::Model& m, const model::Instruction& ins, std::string_view word);
// The working directory in effect before instruction `before` (absolute, cleaned), following
// WORKDIR in the stage chain; "/" or the image's default at first. Nothing when a variable with
// an unknown value decides.
std::optional<std::string> workdir_at(const model::Model& m, int stage, int before);
// dir joined with path (an absolute path stays), cleaned.
std::string join_path(std::string_view dir, std::string_view path);
// Whether path is dir or inside it (both absolute, cleaned).
bool path_within(std::string_view path, std::string_view dir);
// A COPY source pattern with `*` and `?` (which do not match a `/`) against a path.
bool source_glob_match(std::string_view pattern, std::string_view path);

// ---------------------------------------------------------------------------------------------
// What the image runs (quality_command.cpp).

// The ENTRYPOINT and CMD in effect at the end of a stage, from its stage chain (the last of each
// wins); both null when the image has no command of its own.
struct ImageCommand {
  const model::Instruction* entrypoint = nullptr;
  const model::Instruction* cmd = nullptr;
};
ImageCommand image_command(const model::Model& m, int stage);

// The words of the command the image runs: the ENTRYPOINT followed by the CMD (which a
// shell-form ENTRYPOINT ignores), past the init wrappers that only start it (tini, dumb-init and
// docker-init by basename, with their options and option values; dind; an ENTRYPOINT's entrypoint
// script, `*entrypoint*` or `*.sh`) and a leading `--`. A shell script (the shell form, or
// `sh -c '...'`) gives the words of its last command, the one that usually stays running. Empty
// when the image runs nothing of its own: no command, or only wrappers.
std::vector<std::string> effective_command(const Document& doc, const ImageCommand& command);

// Whether a command needs the build toolchain of its image: a compiler, build tool or dev server
// (go, mvn, cargo, tsc, ng, vite, nodemon, webpack-dev-server, dlv, make, ...), a package script
// that starts one (`npm run dev`, `yarn serve`, `dotnet watch`), a shell, or no command at all.
bool needs_toolchain(const std::vector<std::string>& words);

// What a package.json declares, as far as the rules need it.
struct PackageJson {
  std::vector<std::pair<std::string, std::string>> scripts;  // Name and command line.
  bool dev_dependencies = false;  // A non-empty "devDependencies" object.
};
// The package.json text parsed; nothing when it is not a JSON object.
std::optional<PackageJson> parse_package_json(std::string_view text);
// `npm start`, `npm run <name>`, `yarn <name>`, `pnpm <name>`, `bun run <name>` replaced by the
// words of the script package.json defines for it (scripts calling scripts are followed); other
// commands as they are.
std::vector<std::string> resolve_package_script(std::vector<std::string> words, const PackageJson& package);

// ---------------------------------------------------------------------------------------------
// RUN scripts.

struct RunScript {
  enum class Form { Shell, Exec, Heredoc };
  Form form = Form::Shell;
  std::vector<shell::Command> commands;  // Offsets are document offsets.
  std::vector<shell::Separator> separators;
  char escape = '\\';                    // The escape of the text the commands are in.
};
// Computed once per document and instruction (ins must be one of doc's instructions).
const RunScript& run_script(const Document& doc, const model::Instruction& ins);

// The index of the program word of a command after wrappers (sudo, env, time, nice, exec,
// xargs...), or args.size() when there is none.
size_t program_index(const shell::Command& cmd);
// The basename of the word at i ("" past the end).
std::string word_name(const shell::Command& cmd, size_t i);

// The document ranges that remove commands of a script together with the separators that join
// them to their neighbours ("a && b && c" minus b gives "a && c"); nothing when a command is
// nested, joined by something else than "&&", ";" or a newline, or when no command would be left.
std::optional<std::vector<ByteRange>> commands_removal(const RunScript& script, std::vector<size_t> indices,
                                                       std::string_view text);
// The edits removing commands of a RUN: the whole instruction (with its comments) when none
// would be left, else commands_removal(). Nothing when they cannot be removed cleanly.
std::optional<std::vector<TextEdit>> remove_commands(const Document& doc, const model::Instruction& ins,
                                                     const RunScript& script, std::vector<size_t> indices);
// Whether a word of the script (argument, assignment or redirection target) expands $name.
bool uses_variable(const RunScript& script, std::string_view name);
// The range removing word i of a command together with the blanks before it.
ByteRange word_removal(const shell::Command& cmd, size_t i, std::string_view text);

// The cache mount targets of a RUN (absolute, cleaned; relative ones joined to the workdir).
std::vector<std::string> cache_mount_targets(const model::Instruction& ins, std::string_view workdir);

// ---------------------------------------------------------------------------------------------
// Text edits.

// The insertion of "# syntax=docker/dockerfile:1" at the top of the file, written as a
// replacement of the first byte so that two fixes adding it conflict and only one is applied.
// Nothing when the file has a syntax directive.
std::optional<TextEdit> syntax_directive_edit(const Document& doc);
// The whole lines of an instruction with the comment block above it, line break included.
ByteRange instruction_block(const Document& doc, const model::Instruction& ins);
// The start of the line holding offset.
size_t line_start(std::string_view text, size_t offset);
// The offset just after the line break ending the instruction (the end of the text when none).
size_t after_instruction(const Document& doc, const model::Instruction& ins);
// The line break of the document ("\n" or "\r\n").
std::string newline(const Document& doc);
// The raw text of an instruction's flags ("--chown=a:b --link "), for copying them.
std::string flags_text(const Document& doc, const model::Instruction& ins,
                       std::initializer_list<std::string_view> keep);

// The programs that read a credential file (npm, yarn, pnpm for .npmrc; pip, twine for .pypirc;
// git, curl for .netrc), by the file's basename; empty for other files.
std::vector<std::string_view> credential_consumers(std::string_view basename);
// Insertions of `mount` (e.g. "--mount=type=secret,id=npmrc,target=/root/.npmrc ") into every
// RUN of the stage after instruction `after` that runs one of the programs; `skip` lists RUNs
// (instruction indexes) to leave alone.
std::vector<TextEdit> mount_on_consumers(const Document& doc, int stage, int after, std::string_view mount,
                                         const std::vector<std::string_view>& programs,
                                         const std::vector<int>& skip = {});

// ---------------------------------------------------------------------------------------------
// Package managers (quality_tools.cpp).

enum class Tool { Npm, Yarn, Pnpm, Bun, Pip, Poetry, Uv, Pipenv, Go, Cargo, Bundler, Composer,
                  Maven, Gradle, Dotnet, Mix, Apt, Apk };
// The ecosystem a tool belongs to for .dockerignore entries: "node", "python", "go", ...
std::string_view tool_ecosystem(Tool tool);

struct ToolUse {
  Tool tool = Tool::Npm;
  size_t program = 0;  // Index of the program word in Command::args.
  size_t verb = 0;     // Index of the last word naming the action ("ci" of "npm ci").
  bool deps = false;       // Installs the project's dependencies from its manifests alone.
  bool build = false;      // Needs the project's sources as well (go build, mvn package).
  bool downloads = false;  // Fills the package manager's download cache.
  bool global = false;     // Installs a tool globally (npm install -g), not the project's deps.
  std::vector<std::string> files;  // Requirement files named by the command (pip -r / -c).
};
std::optional<ToolUse> classify(const shell::Command& cmd);
// The words "npm ci" of a use, as a document range.
ByteRange use_range(const shell::Command& cmd, const ToolUse& use);
// "npm ci" as written (words joined by one blank).
std::string use_text(const shell::Command& cmd, const ToolUse& use);

struct CacheDir {
  std::string target;
  bool locked = false;  // sharing=locked (apt).
};
// Where the tool keeps its download cache for that user on that image, the one a new cache mount
// should cover first; empty when the home of the user is unknown. For apk, /etc/apk/cache: apk
// keeps downloaded packages only in that directory, when it exists; its static cache
// /var/cache/apk (listed second) holds just the package indexes.
std::vector<CacheDir> cache_dirs(Tool tool, const StageUser& user, const BaseImage& image);
// Whether one of the targets covers one of the tool's cache directories.
bool cache_mounted(const std::vector<std::string>& targets, const std::vector<CacheDir>& dirs);

// A cleanup in a RUN that a cache mount on `dir` makes useless.
struct Cleanup {
  ByteRange report;         // What to underline.
  int command = -1;         // The script command to remove, for whole-command cleanups.
  ByteRange word;           // Else the word to replace (its blanks before included when removed).
  std::string replacement;  // What replaces the word ("" removes it).
  std::string what;         // "rm -rf /var/lib/apt/lists/*", "--no-cache-dir".
  std::string dir;          // The cache directory it empties or bypasses.
};
std::vector<Cleanup> find_cleanups(const RunScript& script, std::string_view text, const StageUser& user,
                                   const BaseImage& image);

// ---------------------------------------------------------------------------------------------
// The build context on disk (quality_context.cpp).

class BuildContext {
 public:
  // The context of a rule run: the configured context directory, else the directory of the
  // document's file:// URI, when it exists.
  static BuildContext of(const RuleContext& ctx);

  bool on_disk() const { return dir_.has_value(); }
  const std::filesystem::path& dir() const { return *dir_; }
  // Whether a path relative to the context exists (a file or a directory).
  bool exists(std::string_view rel) const;
  bool is_directory(std::string_view rel) const;
  // Names in a context directory that start with prefix and end with suffix, sorted.
  std::vector<std::string> list(std::string_view rel_dir, std::string_view prefix, std::string_view suffix) const;
  // A small text file of the context (cached by path and modification time).
  std::optional<std::string> read(std::string_view rel) const;
  // The ignore file the build uses (<Dockerfile>.dockerignore, else <context>/.dockerignore),
  // parsed; nullptr when there is none.
  std::shared_ptr<const DockerIgnore> ignore() const;
  // The path of that file, or of <context>/.dockerignore when there is none.
  std::string ignore_path() const;
  // The text of that file, or nothing when there is none.
  std::optional<std::string> ignore_text() const;

 private:
  std::optional<std::filesystem::path> dir_;
  std::optional<std::string> dockerfile_;
};

// The package.json in directory `dir` of the image before instruction `before`, read from the
// build context on disk; nothing when it cannot be found or parsed.
std::optional<PackageJson> package_json_at(const model::Model& m, int stage, int before, std::string_view dir,
                                           const BuildContext& context);
// effective_command() of the stage's image, with a package script it names resolved through the
// package.json of the image's working directory (resolve_package_script) when the context has it.
std::vector<std::string> resolved_command(const Document& doc, int stage, const BuildContext& context);

// The manifests of a tool's ecosystem to copy before its install, as context-relative paths
// under `source_dir` ("" for the context root). `found` tells whether they were seen in the
// context (else they are the conventional names).
struct Manifests {
  std::vector<std::string> files;
  std::vector<std::string> dirs;  // Directories (gradle/, .mvn/), each copied on its own line.
  bool found = false;
};
Manifests manifests_for(const ToolUse& use, const shell::Command& cmd, const BuildContext& context,
                        std::string_view source_dir);

// ---------------------------------------------------------------------------------------------
// Secrets (quality_secrets.cpp).

// BuildKit's secret-name rule (tokens apikey, auth, credential(s), key, password, pword, passwd,
// secret, token between "_" or the ends, unless public, file or version also appear) plus
// well-known names it misses (GH_PAT, PGPASSWORD...).
bool secret_like_name(std::string_view name);

struct SecretLiteral {
  ByteRange range;
  std::string kind;    // "GitHub token", "AWS access key id", "password in a URL"...
  std::string masked;  // The value with the secret part replaced by "****".
};
std::vector<SecretLiteral> find_secret_literals(std::string_view text);
// The first four characters of a value (fewer for short ones) followed by "****".
std::string mask_secret(std::string_view value);

// What kind of credential a file name or path holds (".npmrc", "private key", "AWS credentials"),
// or "" when it is not a credential file. A glob counts when it matches a private key's name
// (`ssh_host_*_key*`).
std::string credential_file_kind(std::string_view path);
// Whether the text of a .npmrc, .pypirc or .netrc holds a literal credential: an npm auth token or
// password, a `password` entry whose value is not a variable, a token of a well-known format.
bool credential_file_holds_secret(std::string_view text);
// Whether a path lies in a directory of test fixtures (test/, tests/, testdata/, fixture(s)/, e2e/).
bool test_fixture_path(std::string_view path);

}  // namespace dfls::quality
