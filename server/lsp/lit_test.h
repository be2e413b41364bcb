// `dockerfile-ls --lit-test`: drives the server from a transcript, for FileCheck tests.
//
// Input: JSON messages separated by lines that are exactly "---"; lines starting with "#" (such
// as "# CHECK:" lines) are ignored. Each message is fed to the server as if it had arrived framed
// on its own, and everything it leads to runs before the next one is read. A separator line
// "--- same-read" instead delivers the next message together with the previous one, as if one
// read returned both (so a $/cancelRequest can overtake its request). End of input is end of
// stream. Output: every message the server sends, pretty-printed with sorted keys, separated by
// blank lines. Server-to-client requests are numbered 1, 2, ...; a transcript answers them with
// a response message of that id.
#pragma once

#include <iosfwd>

namespace dfls::lsp {

int run_lit_test(std::istream& in, std::ostream& out);

}  // namespace dfls::lsp
