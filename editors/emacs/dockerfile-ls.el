;;; dockerfile-ls.el --- Use dockerfile-ls with Eglot or lsp-mode  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "27.1"))
;; Keywords: languages, tools, docker
;; URL: https://github.com/dockerfile-ls/dockerfile-ls

;;; Commentary:

;; dockerfile-ls is a language server and linter for Dockerfiles (diagnostics with quick-fixes,
;; completion, hover, navigation).  This file registers it for `dockerfile-mode' (the
;; dockerfile-mode package) and `dockerfile-ts-mode' (built into Emacs 29+):
;;
;;   - with Eglot (built into Emacs 29+, or the eglot package 1.9+): it is put in front of
;;     `eglot-server-programs', so `M-x eglot' (or `eglot-ensure' in the mode hooks) starts it;
;;   - with lsp-mode: a client `dfls' is registered with a higher priority than lsp-mode's own
;;     Dockerfile client, so `M-x lsp' picks it.
;;
;; Setup:
;;
;;   (add-to-list 'load-path "/path/to/dockerfile-ls/editors/emacs")
;;   (require 'dockerfile-ls)
;;   (add-hook 'dockerfile-mode-hook #'eglot-ensure)      ; or #'lsp-deferred
;;
;; The server is looked up on `exec-path' unless `dockerfile-ls-server-command' names a path.
;; Settings (`dockerfile-ls-rules' and friends) are sent as initializationOptions to Eglot and
;; as the "dockerfile-ls" configuration section to lsp-mode; a project's
;; .dockerfile-ls.yaml is read by the server itself.

;;; Code:

(require 'cl-lib)

(defgroup dockerfile-ls nil
  "The dockerfile-ls language server for Dockerfiles."
  :group 'tools
  :prefix "dockerfile-ls-"
  :link '(url-link "https://github.com/dockerfile-ls/dockerfile-ls"))

(defcustom dockerfile-ls-server-command '("dockerfile-ls" "--stdio")
  "The command that starts the server: the program, then its arguments.
The program is found on `exec-path' unless it is an absolute file name."
  :type '(repeat string))

(defcustom dockerfile-ls-rules nil
  "Levels for single rules, as an alist of (RULE-ID . LEVEL).
RULE-ID is a rule id string such as \"MaintainerDeprecated\"; LEVEL one of
\"off\", \"on\", \"hint\", \"info\", \"warning\" or \"error\"."
  :type '(alist :key-type (string :tag "Rule id")
                :value-type (choice (const "off") (const "on") (const "hint") (const "info")
                                    (const "warning") (const "error"))))

(defcustom dockerfile-ls-registry-enable t
  "Whether the server may look image tags up in container registries."
  :type 'boolean)

(defcustom dockerfile-ls-shellcheck-enable nil
  "Whether the server runs shellcheck on RUN scripts when it is installed."
  :type 'boolean)

(defcustom dockerfile-ls-trusted-registries nil
  "Registries that base images may come from; nil allows any."
  :type '(repeat string))

(defconst dockerfile-ls-major-modes '(dockerfile-mode dockerfile-ts-mode)
  "The major modes whose buffers the server manages.")

(defun dockerfile-ls--json-bool (value)
  (if value t :json-false))

(defun dockerfile-ls-settings ()
  "The \"dockerfile-ls\" settings section as a plist (for JSON encoding)."
  (append
   (when dockerfile-ls-rules
     (list :rules (cl-loop for (id . level) in dockerfile-ls-rules
                           append (list (intern (concat ":" id)) level))))
   (list :registry (list :enable (dockerfile-ls--json-bool dockerfile-ls-registry-enable))
         :shellcheck (list :enable (dockerfile-ls--json-bool dockerfile-ls-shellcheck-enable)))
   (when dockerfile-ls-trusted-registries
     (list :trustedRegistries (vconcat dockerfile-ls-trusted-registries)))))

;;;; Eglot

(defun dockerfile-ls-eglot-contact (&rest _)
  "The contact for `eglot-server-programs': command and initializationOptions."
  (append dockerfile-ls-server-command
          (list :initializationOptions (lambda (_server) (dockerfile-ls-settings)))))

(defun dockerfile-ls-eglot-setup ()
  "Put dockerfile-ls in front of `eglot-server-programs'."
  (when (boundp 'eglot-server-programs)
    (add-to-list 'eglot-server-programs
                 (cons (mapcar (lambda (mode) (list mode :language-id "dockerfile"))
                               dockerfile-ls-major-modes)
                       #'dockerfile-ls-eglot-contact))))

(with-eval-after-load 'eglot (dockerfile-ls-eglot-setup))

;;;; lsp-mode

(declare-function lsp-register-client "ext:lsp-mode")
(declare-function lsp-register-custom-settings "ext:lsp-mode")
(declare-function lsp-stdio-connection "ext:lsp-mode")
(declare-function make-lsp-client "ext:lsp-mode")
(defvar lsp-language-id-configuration)

(defun dockerfile-ls--rules-table ()
  (let ((table (make-hash-table :test 'equal)))
    (dolist (rule dockerfile-ls-rules table)
      (puthash (car rule) (cdr rule) table))))

(defun dockerfile-ls-lsp-mode-setup ()
  "Register the dockerfile-ls client with lsp-mode."
  (dolist (mode dockerfile-ls-major-modes)
    (add-to-list 'lsp-language-id-configuration (cons mode "dockerfile")))
  (lsp-register-custom-settings
   `(("dockerfile-ls.rules" dockerfile-ls--rules-table)
     ("dockerfile-ls.registry.enable" dockerfile-ls-registry-enable t)
     ("dockerfile-ls.shellcheck.enable" dockerfile-ls-shellcheck-enable t)
     ("dockerfile-ls.trustedRegistries" ,(lambda () (vconcat dockerfile-ls-trusted-registries)))))
  (lsp-register-client
   (make-lsp-client
    :new-connection (lsp-stdio-connection (lambda () dockerfile-ls-server-command))
    :major-modes dockerfile-ls-major-modes
    :language-id "dockerfile"
    :priority 1
    :server-id 'dfls
    :initialization-options (lambda () (dockerfile-ls-settings)))))

(with-eval-after-load 'lsp-mode (dockerfile-ls-lsp-mode-setup))

(provide 'dockerfile-ls)
;;; dockerfile-ls.el ends here
