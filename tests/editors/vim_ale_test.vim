" Vim + ALE test of dockerfile-ls with the shipped linter definition
" (editors/vim/ale_linters/dockerfile/dockerfile_ls.vim). Started by run-vim.sh:
"   vim -N -u NONE -i NONE -n -es -S vim_ale_test.vim </dev/null
" Environment: SERVER_CMD, TEST_FILE, EXPECTED_JSON, VIM_CONFIG (editors/vim), RESULT_LOG,
"   STEP_MS (bound of every single wait, default 10000), WATCHDOG_MS (default 25000).
" Exit codes: 0 all checks passed, 1 a check failed, 2 setup error, 124 watchdog.
" Messages go to RESULT_LOG: output of :echo is unreliable in -es mode.
set nocompatible
let s:step = empty($STEP_MS) ? 10000 : str2nr($STEP_MS)
let s:log = []
let s:failures = 0

function! s:Out(line) abort
  call add(s:log, a:line)
  call writefile([a:line], $RESULT_LOG, 'a')
endfunction

function! s:Check(name, ok, ...) abort
  call s:Out(printf('[%s] %s%s', a:ok ? 'PASS' : 'FAIL', a:name, a:0 ? ': ' . a:1 : ''))
  if !a:ok | let s:failures += 1 | endif
  return a:ok
endfunction

" Timers fire while the script waits in :sleep. Jobs get SIGTERM when Vim exits.
call timer_start(empty($WATCHDOG_MS) ? 25000 : str2nr($WATCHDOG_MS),
\ {-> [s:Out('FAIL: watchdog: the test did not finish in time'), execute('cquit 124')]})

" Waits (running jobs, channels and timers) until Cond() is true or the step bound passes.
function! s:Wait(Cond) abort
  let l:deadline = reltimefloat(reltime()) + s:step / 1000.0
  while !a:Cond() && reltimefloat(reltime()) < l:deadline
    sleep 20m
  endwhile
  return a:Cond()
endfunction

let s:t0 = reltime()
let g:ale_linters = {'dockerfile': ['dockerfile_ls']}
let g:ale_linters_explicit = 1
let g:ale_dockerfile_dockerfile_ls_executable = $SERVER_CMD
let g:ale_echo_cursor = 0
let g:ale_set_signs = 0
let g:ale_virtualtext_cursor = 0
let g:ale_hover_to_preview = 1
let &runtimepath = $VIM_CONFIG . ',' . &runtimepath
packadd ale
filetype plugin on

try
  let s:expected = json_decode(join(readfile($EXPECTED_JSON), "\n"))
  call s:Out('vim ' . v:versionlong . (ale#Has('ale-3.3.0') ? ', ALE 3.3+' : ''))
  execute 'edit' fnameescape($TEST_FILE)
  let s:buf = bufnr('')
  call s:Check('filetype', &filetype ==# 'dockerfile', &filetype)
  call s:Check('linter dockerfile_ls defined',
  \ !empty(filter(ale#linter#Get('dockerfile'), {_, l -> l.name ==# 'dockerfile_ls'})))
  ALELint

  " Diagnostics, from ALE's location list.
  function! s:Find(line, code) abort
    for l:d in ale#engine#GetLoclist(s:buf)
      if l:d.lnum == a:line && get(l:d, 'code', '') ==# a:code
        return l:d
      endif
    endfor
    return {}
  endfunction
  call s:Wait({-> empty(filter(copy(s:expected.diagnostics), {_, e -> empty(s:Find(e.line, e.code))}))})
  call s:Out('diagnostics: ' . join(map(copy(ale#engine#GetLoclist(s:buf)),
  \ {_, d -> d.lnum . ' ' . d.type . ' ' . get(d, 'code', '?')}), ' | '))
  for s:e in s:expected.diagnostics
    let s:d = s:Find(s:e.line, s:e.code)
    if s:Check(printf('diagnostic %s on line %d', s:e.code, s:e.line), !empty(s:d))
      call s:Check('  severity ' . s:e.severity, s:d.type ==# (s:e.severity ==# 'error' ? 'E' : 'W'), s:d.type)
    endif
  endfor

  " The server's capabilities, as ALE recorded them.
  function! s:Capable(name) abort
    for l:id in keys(ale#lsp#GetConnections())
      if ale#lsp#HasCapability(l:id, a:name) | return 1 | endif
    endfor
    return 0
  endfunction

  " Completion, as a request on ALE's connection.
  let s:c = s:expected.completion
  if s:Check('server advertises completion', s:Capable('completion'))
    let s:resp = {}
    call ale#lsp_linter#SendRequest(s:buf, 'dockerfile_ls',
    \ ale#lsp#message#Completion(s:buf, s:c.line, s:c.character, ''), {r -> extend(s:resp, {'r': r})})
    call s:Wait({-> has_key(s:resp, 'r')})
    let s:items = get(get(s:resp, 'r', {}), 'result', [])
    let s:items = type(s:items) == v:t_dict ? get(s:items, 'items', []) : s:items
    let s:labels = map(copy(s:items), {_, i -> i.label})
    call s:Check('completion offers ' . s:c.label,
    \ !empty(filter(copy(s:labels), {_, l -> l =~# '^' . s:c.label . '\>'})), join(s:labels, ','))
  endif

  " Hover, through :ALEHover into the preview window (g:ale_hover_to_preview).
  let s:h = s:expected.hover
  if s:Check('server advertises hover', s:Capable('hover'))
    call cursor(s:h.line, s:h.character)
    ALEHover
    function! s:HoverText() abort
      for l:b in range(1, bufnr('$'))
        if bufexists(l:b) && getbufvar(l:b, '&filetype') =~# '^ale-preview'
          return join(getbufline(l:b, 1, '$'), "\n")
        endif
      endfor
      return ''
    endfunction
    call s:Wait({-> !empty(s:HoverText())})
    let s:text = s:HoverText()
    call s:Check(printf('hover mentions "%s"', s:h.contains), stridx(tolower(s:text), s:h.contains) >= 0,
    \ strpart(substitute(s:text, "\n", ' ', 'g'), 0, 80))
    pclose
  endif

  " Quick-fix, through ALE's code-action menu path (ale#codefix#Execute with a menu callback).
  let s:q = s:expected.quickfix
  if s:Check('server advertises code actions', s:Capable('code_actions'))
    execute 'buffer' s:buf
    call cursor(s:q.line, s:q.character)
    let s:menu = {}
    function! s:Menu(data, items) abort
      let s:menu.data = a:data
      let s:menu.items = a:items
    endfunction
    call ale#codefix#Execute(0, function('s:Menu'))
    call s:Wait({-> has_key(s:menu, 'items')})
    let s:titles = map(copy(get(s:menu, 'items', [])), {_, i -> get(i[1], 'title', '')})
    let s:pick = filter(copy(get(s:menu, 'items', [])),
    \ {_, i -> stridx(get(i[1], 'title', ''), s:q.title_contains) >= 0 && get(i[1], 'title', '') !~# '^Ignore'})
    if s:Check('quick-fix offered', !empty(s:pick), join(s:titles, ' | '))
      call ale#codefix#ApplyLSPCodeAction(s:menu.data, s:pick[0][1])
    endif
    call s:Wait({-> stridx(getbufline(s:buf, s:q.result_line)[0], s:q.result_prefix) == 0})
    let s:line = getbufline(s:buf, s:q.result_line)[0]
    call s:Check(printf('quick-fix applied: line %d starts with %s', s:q.result_line, s:q.result_prefix),
    \ stridx(s:line, s:q.result_prefix) == 0, s:line)
  endif

  call s:Out(printf('finished in %d ms', float2nr(reltimefloat(reltime(s:t0)) * 1000)))
  ALEStopAllLSPs
  execute s:failures == 0 ? 'qall!' : 'cquit 1'
catch
  call s:Out('FAIL: setup error: ' . v:exception . ' at ' . v:throwpoint)
  ALEStopAllLSPs
  cquit 2
endtry
