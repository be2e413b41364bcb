-- dockerfile-ls for nvim-lspconfig's `require('lspconfig').NAME.setup{}` framework
-- (Neovim 0.7 .. 0.10 setups; on 0.11+ prefer lsp/dockerfile_ls.lua with vim.lsp.enable).
--
-- With this directory (editors/nvim) on 'runtimepath':
--
--   local configs = require('lspconfig.configs')
--   if not configs.dockerfile_ls then
--     configs.dockerfile_ls = require('lspconfig.configs.dockerfile_ls')
--   end
--   require('lspconfig').dockerfile_ls.setup({})
--
-- The file needs nothing from nvim-lspconfig itself, so it also serves as plain data for
-- vim.lsp.start_client / vim.lsp.start (see editors/nvim/README.md).

local root_files = { '.dockerfile-ls.yaml', '.dockerfile-ls.yml', '.hadolint.yaml', '.hadolint.yml' }

-- The nearest directory upward from the file that holds a project file or .git; nil if none.
local function root_dir(fname)
  local dir = vim.fn.fnamemodify(fname, ':p:h')
  for _, name in ipairs(root_files) do
    local found = vim.fn.findfile(name, dir .. ';')
    if found ~= '' then return vim.fn.fnamemodify(found, ':p:h') end
  end
  local git = vim.fn.finddir('.git', dir .. ';')
  if git ~= '' then return vim.fn.fnamemodify(git, ':p:h:h') end
  return nil
end

return {
  default_config = {
    cmd = { 'dockerfile-ls', '--stdio' },
    filetypes = { 'dockerfile' },
    root_dir = root_dir,
    single_file_support = true,
    settings = {},
  },
  docs = {
    description = [[
dockerfile-ls, a language server and linter for Dockerfiles: diagnostics with quick-fixes,
completion, hover and navigation. Put the `dockerfile-ls` binary on PATH (or set `cmd`).
Settings go in the `dockerfile-ls` section, for example
`settings = { ['dockerfile-ls'] = { rules = { MaintainerDeprecated = 'off' } } }`.
]],
  },
}
