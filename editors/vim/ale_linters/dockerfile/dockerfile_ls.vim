" Description: dockerfile-ls, a language server and linter for Dockerfiles (diagnostics with
"   quick-fixes, completion, hover, go to definition), as an ALE linter.
" Use: put editors/vim on 'runtimepath' (or copy this file to ~/.vim/ale_linters/dockerfile/),
"   then  let g:ale_linters = {'dockerfile': ['dockerfile_ls']}

call ale#Set('dockerfile_dockerfile_ls_executable', 'dockerfile-ls')
call ale#Set('dockerfile_dockerfile_ls_options', '')
" Settings for the server, sent with workspace/didChangeConfiguration, e.g.
"   let g:ale_dockerfile_dockerfile_ls_config =
"   \   {'dockerfile-ls': {'rules': {'MaintainerDeprecated': 'off'}}}
call ale#Set('dockerfile_dockerfile_ls_config', {})

" The nearest directory with a project file or .git, else the file's own directory (ALE starts
" no language server without a root).
function! ale_linters#dockerfile#dockerfile_ls#GetProjectRoot(buffer) abort
    for l:name in ['.dockerfile-ls.yaml', '.dockerfile-ls.yml', '.hadolint.yaml', '.hadolint.yml']
        let l:found = ale#path#FindNearestFile(a:buffer, l:name)

        if !empty(l:found)
            return fnamemodify(l:found, ':h')
        endif
    endfor

    let l:git = ale#path#FindNearestDirectory(a:buffer, '.git')

    if !empty(l:git)
        return fnamemodify(l:git, ':h:h')
    endif

    return fnamemodify(bufname(a:buffer), ':p:h')
endfunction

function! ale_linters#dockerfile#dockerfile_ls#GetCommand(buffer) abort
    return '%e --stdio' . ale#Pad(ale#Var(a:buffer, 'dockerfile_dockerfile_ls_options'))
endfunction

call ale#linter#Define('dockerfile', {
\   'name': 'dockerfile_ls',
\   'aliases': ['dockerfile-ls'],
\   'lsp': 'stdio',
\   'executable': {buffer -> ale#Var(buffer, 'dockerfile_dockerfile_ls_executable')},
\   'command': function('ale_linters#dockerfile#dockerfile_ls#GetCommand'),
\   'project_root': function('ale_linters#dockerfile#dockerfile_ls#GetProjectRoot'),
\   'lsp_config': {buffer -> ale#Var(buffer, 'dockerfile_dockerfile_ls_config')},
\})
