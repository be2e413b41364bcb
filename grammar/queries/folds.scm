; Instructions that span several lines (continuations or heredocs), heredoc
; blocks on their own, and JSON arrays written over several lines. Editors only
; fold nodes that cover more than one line.
[
  (from_instruction)
  (run_instruction)
  (cmd_instruction)
  (label_instruction)
  (maintainer_instruction)
  (expose_instruction)
  (env_instruction)
  (add_instruction)
  (copy_instruction)
  (entrypoint_instruction)
  (volume_instruction)
  (user_instruction)
  (workdir_instruction)
  (arg_instruction)
  (onbuild_instruction)
  (stopsignal_instruction)
  (healthcheck_instruction)
  (shell_instruction)
  (unknown_instruction)
  (heredoc_block)
  (json_string_array)
] @fold
