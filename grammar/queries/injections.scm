; Shell form of RUN, CMD, ENTRYPOINT, SHELL and HEALTHCHECK CMD is handed to
; the shell; the default shell is /bin/sh, so it is highlighted as bash. The
; whole command is one injection, line continuations and comment lines included.
((shell_command) @injection.content
  (#set! injection.language "bash")
  (#set! injection.include-children))

; RUN heredoc bodies are scripts: bash unless a shebang names Python.
((run_instruction
  (heredoc_block
    body: (heredoc_body) @injection.content))
  (#not-match? @injection.content "^#![^\n]*python")
  (#set! injection.language "bash"))

((run_instruction
  (heredoc_block
    body: (heredoc_body) @injection.content))
  (#match? @injection.content "^#![^\n]*python")
  (#set! injection.language "python"))
