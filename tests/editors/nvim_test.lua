-- Headless Neovim test of dockerfile-ls with the configuration files shipped in editors/nvim.
-- Runs on Neovim 0.7 .. 0.12. Started by run-nvim.sh:
--   nvim --headless -u NONE -i NONE -n -c 'luafile nvim_test.lua' -c 'cquit 3'
-- Environment:
--   SERVER_CMD      the server executable
--   TEST_FILE       the Dockerfile to open (a copy of fixture/Dockerfile)
--   EXPECTED_JSON   fixture/expected.json
--   NVIM_CONFIG     editors/nvim
--   NVIM_MODE       legacy: the nvim-lspconfig-style file lua/lspconfig/configs/dockerfile_ls.lua,
--                           started the way nvim-lspconfig does (FileType autocmd + start_client)
--                   enable: lsp/dockerfile_ls.lua through vim.lsp.config/vim.lsp.enable (0.11+)
--   STEP_MS         bound of every single wait (default 10000)
--   WATCHDOG_MS     the whole run (default 25000)
-- Exit codes: 0 all checks passed, 1 a check failed, 2 setup error, 3 the script fell through,
--   124 watchdog.

local uv = vim.loop or vim.uv
local t0 = uv.hrtime()
local function elapsed_ms() return math.floor((uv.hrtime() - t0) / 1e6) end

local step_ms = tonumber(os.getenv('STEP_MS') or '') or 10000
local watchdog_ms = tonumber(os.getenv('WATCHDOG_MS') or '') or 25000
local new_client_api = vim.fn.has('nvim-0.10') == 1

local function out(line) io.stdout:write(line .. '\n') end

-- Every process started below this Neovim, found through /proc (servers are started in their
-- own session from 0.10 on, so neither Neovim's exit nor an outer process-group kill reaches them).
local function descendants(pid, acc)
  local tasks = uv.fs_scandir('/proc/' .. pid .. '/task')
  while tasks do
    local tid = uv.fs_scandir_next(tasks)
    if not tid then break end
    local f = io.open('/proc/' .. pid .. '/task/' .. tid .. '/children')
    if f then
      for child in f:read('*a'):gmatch('%d+') do
        acc[#acc + 1] = tonumber(child)
        descendants(child, acc)
      end
      f:close()
    end
  end
  return acc
end

local function terminate(pids)
  for _, pid in ipairs(pids) do pcall(uv.kill, pid, 'sigterm') end
end

-- The watchdog fires even while vim.wait() or buf_request_sync() block, as they run the loop.
local watchdog = uv.new_timer()
watchdog:start(watchdog_ms, 0, function()
  io.stdout:write('FAIL: watchdog: the test did not finish within ' .. watchdog_ms .. ' ms\n')
  pcall(terminate, descendants(uv.os_getpid(), {}))
  os.exit(124)
end)

local failures = 0
local function check(name, ok, detail)
  out(string.format('[%s] %s%s', ok and 'PASS' or 'FAIL', name, detail and (': ' .. tostring(detail)) or ''))
  if not ok then failures = failures + 1 end
  return ok
end

local function all_clients(bufnr)
  if vim.lsp.get_clients then return vim.lsp.get_clients(bufnr and { bufnr = bufnr } or nil) end
  if bufnr then return vim.lsp.buf_get_clients(bufnr) end
  return vim.lsp.get_active_clients()
end

local function finish(code)
  local pids = descendants(uv.os_getpid(), {})
  for _, c in pairs(all_clients()) do
    if new_client_api then c:stop() else c.stop() end
  end
  vim.wait(3000, function()
    for _, c in pairs(all_clients()) do
      local stopped
      if new_client_api then stopped = c:is_stopped() else stopped = c.is_stopped() end
      if not stopped then return false end
    end
    return true
  end, 20)
  terminate(pids)
  watchdog:stop()
  out(string.format('finished in %d ms', elapsed_ms()))
  if code == 0 then vim.cmd('qall!') else vim.cmd('cquit ' .. code) end
end

local function read_file(path)
  local f = assert(io.open(path, 'r'))
  local s = f:read('*a')
  f:close()
  return s
end

local function contains(haystack, needle)
  return type(haystack) == 'string' and haystack:lower():find(needle:lower(), 1, true) ~= nil
end

local function run()
  local server = assert(os.getenv('SERVER_CMD'), 'SERVER_CMD not set')
  local test_file = assert(os.getenv('TEST_FILE'), 'TEST_FILE not set')
  local config_dir = assert(os.getenv('NVIM_CONFIG'), 'NVIM_CONFIG not set')
  local mode = os.getenv('NVIM_MODE') or 'legacy'
  local expected = vim.fn.json_decode(read_file(assert(os.getenv('EXPECTED_JSON'))))
  local v = vim.version()
  out(string.format('nvim %d.%d.%d, mode %s', v.major, v.minor, v.patch, mode))

  vim.cmd('filetype on')
  if mode == 'enable' then
    -- Neovim 0.11+: lsp/dockerfile_ls.lua is found on 'runtimepath'; only the command changes.
    assert(vim.lsp.config and vim.lsp.enable, 'vim.lsp.config/vim.lsp.enable need Neovim 0.11+')
    vim.opt.runtimepath:prepend(config_dir)
    local shipped = vim.lsp.config['dockerfile_ls'] or {}   -- resolved from lsp/dockerfile_ls.lua
    check('lsp/dockerfile_ls.lua found: filetypes',
      type(shipped.filetypes) == 'table' and vim.tbl_contains(shipped.filetypes, 'dockerfile'))
    check('lsp/dockerfile_ls.lua: command', type(shipped.cmd) == 'table' and shipped.cmd[1] == 'dockerfile-ls',
      type(shipped.cmd) == 'table' and table.concat(shipped.cmd, ' ') or tostring(shipped.cmd))
    -- Only the executable changes (as a user with the binary elsewhere would do).
    local cmd = vim.deepcopy(type(shipped.cmd) == 'table' and shipped.cmd or { 'dockerfile-ls' })
    cmd[1] = server
    vim.lsp.config('dockerfile_ls', { cmd = cmd })
    vim.lsp.enable('dockerfile_ls')
  elseif mode == 'legacy' then
    -- What nvim-lspconfig does with a config module: its default_config, the user's overrides,
    -- root_dir computed from the file name, started on FileType.
    local conf = dofile(config_dir .. '/lua/lspconfig/configs/dockerfile_ls.lua')
    local defaults = conf.default_config
    check('legacy config: filetypes', vim.tbl_contains(defaults.filetypes, 'dockerfile'))
    check('legacy config: command', defaults.cmd[1] == 'dockerfile-ls', defaults.cmd[1])
    vim.api.nvim_create_autocmd('FileType', {
      pattern = defaults.filetypes,
      callback = function(args)
        local fname = vim.api.nvim_buf_get_name(args.buf)
        local root = defaults.root_dir(fname) or vim.fn.fnamemodify(fname, ':p:h')
        local cmd = vim.deepcopy(defaults.cmd)
        cmd[1] = server   -- only the executable changes, as a user with the binary elsewhere would do
        local cfg = vim.tbl_deep_extend('force', defaults, { cmd = cmd, root_dir = root })
        cfg.name = 'dockerfile_ls'
        local id = vim.lsp.start_client(cfg)
        if id then vim.lsp.buf_attach_client(args.buf, id) end
      end,
    })
  else
    error('unknown NVIM_MODE ' .. mode)
  end

  vim.cmd('edit ' .. vim.fn.fnameescape(test_file))
  local bufnr = vim.api.nvim_get_current_buf()
  check('filetype', vim.bo[bufnr].filetype == 'dockerfile', vim.bo[bufnr].filetype)

  local client
  local attached = vim.wait(step_ms, function()
    for _, c in pairs(all_clients(bufnr)) do
      if c.initialized then client = c; return true end
    end
    return false
  end, 20)
  if not check('client initialized', attached, client and client.name) then return end

  -- Diagnostics: wait until every expected (line, code) is there, or the step bound.
  local function find_diag(line, code)
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.lnum == line - 1 and tostring(d.code) == code then return d end
    end
  end
  vim.wait(step_ms, function()
    for _, e in ipairs(expected.diagnostics) do
      if not find_diag(e.line, e.code) then return false end
    end
    return true
  end, 20)
  local seen = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    seen[#seen + 1] = string.format('%d:%s', d.lnum + 1, tostring(d.code))
  end
  out('diagnostics: ' .. table.concat(seen, ' '))
  local severities = { error = vim.diagnostic.severity.ERROR, warning = vim.diagnostic.severity.WARN }
  for _, e in ipairs(expected.diagnostics) do
    local d = find_diag(e.line, e.code)
    check(string.format('diagnostic %s on line %d', e.code, e.line), d ~= nil)
    if d then
      check(string.format('  severity %s', e.severity), d.severity == severities[e.severity], d.severity)
    end
  end

  local uri = vim.uri_from_bufnr(bufnr)
  local function request(method, params)
    local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, step_ms)
    if not responses then return nil, err end
    for _, r in pairs(responses) do
      if r.result ~= nil then return r.result end
      if r.err or r.error then return nil, vim.inspect(r.err or r.error) end
    end
    return nil, 'no result'
  end

  -- A feature the server does not advertise fails at once instead of waiting.
  local caps = client.server_capabilities or {}
  local function advertised(name, key)
    return check('server advertises ' .. name, caps[key] ~= nil and caps[key] ~= false)
  end

  -- Completion at the end of `RUN --mount=type=`.
  local c = expected.completion
  if advertised('completion', 'completionProvider') then
  local result, err = request('textDocument/completion',
    { textDocument = { uri = uri }, position = { line = c.line - 1, character = c.character - 1 } })
  local labels = {}
  for _, item in ipairs(result and (result.items or result) or {}) do labels[#labels + 1] = item.label end
  local found = false
  for _, l in ipairs(labels) do
    if l == c.label or l:match('^' .. c.label .. '%f[%W]') then found = true end
  end
  check('completion offers ' .. c.label, found, err or table.concat(labels, ','))
  end

  -- Hover through vim.lsp.buf.hover(), read from the floating window it opens.
  local h = expected.hover
  if advertised('hover', 'hoverProvider') then
  vim.api.nvim_win_set_cursor(0, { h.line, h.character - 1 })
  local wins_before = {}
  for _, w in ipairs(vim.api.nvim_list_wins()) do wins_before[w] = true end
  vim.lsp.buf.hover()
  local hover_text
  vim.wait(step_ms, function()
    for _, w in ipairs(vim.api.nvim_list_wins()) do
      if not wins_before[w] and vim.api.nvim_win_get_config(w).relative ~= '' then
        hover_text = table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(w), 0, -1, false), '\n')
        return true
      end
    end
    return false
  end, 20)
  check('hover window mentions "' .. h.contains .. '"', contains(hover_text, h.contains),
    hover_text and hover_text:sub(1, 80):gsub('\n', ' ') or 'no hover window')
  for _, w in ipairs(vim.api.nvim_list_wins()) do
    if not wins_before[w] then pcall(vim.api.nvim_win_close, w, true) end
  end
  end

  -- Quick-fix through vim.lsp.buf.code_action(): the menu (vim.ui.select) picks the fix.
  local q = expected.quickfix
  if not advertised('code actions', 'codeActionProvider') then return end
  vim.api.nvim_set_current_win(vim.fn.bufwinid(bufnr))
  vim.api.nvim_win_set_cursor(0, { q.line, q.character - 1 })
  local offered = {}
  local chosen
  vim.ui.select = function(items, opts, on_choice)
    local index
    for i, item in ipairs(items) do
      local action = item.action or item[2] or item   -- 0.10+: {action=, ctx=}; 0.7: {client_id, action}
      local title = action.title or ''
      offered[#offered + 1] = title
      if not chosen and title:find(q.title_contains, 1, true) and not title:match('^Ignore') then
        chosen, index = item, i
      end
    end
    on_choice(chosen, index)
  end
  vim.lsp.buf.code_action()
  local function target_line() return vim.api.nvim_buf_get_lines(bufnr, q.result_line - 1, q.result_line, false)[1] or '' end
  vim.wait(step_ms, function() return vim.startswith(target_line(), q.result_prefix) end, 20)
  check('quick-fix offered', chosen ~= nil, table.concat(offered, ' | '))
  check('quick-fix applied: line ' .. q.result_line .. ' starts with ' .. q.result_prefix,
    vim.startswith(target_line(), q.result_prefix), target_line())
end

local ok, err = pcall(run)
if not ok then
  out('FAIL: setup error: ' .. tostring(err))
  finish(2)
else
  finish(failures == 0 and 0 or 1)
end
