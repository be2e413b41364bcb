---@brief
---
--- dockerfile-ls: a language server and linter for Dockerfiles (diagnostics with quick-fixes,
--- completion, hover, navigation). Neovim 0.11+ reads this file when `dockerfile_ls` is enabled:
---
--- ```lua
--- vim.lsp.enable('dockerfile_ls')
--- ```
---
--- Put this directory (editors/nvim) on 'runtimepath', or copy this file to
--- `~/.config/nvim/lsp/dockerfile_ls.lua`. Change anything with `vim.lsp.config`, e.g.
---
--- ```lua
--- vim.lsp.config('dockerfile_ls', {
---   cmd = { '/opt/dockerfile-ls/bin/dockerfile-ls' },
---   settings = { ['dockerfile-ls'] = { rules = { MaintainerDeprecated = 'off' } } },
--- })
--- ```
---
--- The server asks for the `dockerfile-ls` section of `settings` (see docs/configuration.md).
--- Without any of the root markers it still starts, for the single file.

---@type vim.lsp.Config
return {
  cmd = { 'dockerfile-ls', '--stdio' },
  filetypes = { 'dockerfile' },
  root_markers = { '.dockerfile-ls.yaml', '.dockerfile-ls.yml', '.hadolint.yaml', '.hadolint.yml', '.git' },
  settings = {},
}
