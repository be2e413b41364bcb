;;; emacs_lsp_mode_test.el --- lsp-mode (batch mode) test of dockerfile-ls.el's lsp-mode client  -*- lexical-binding: t -*-
;;
;; Started by run-emacs.sh lsp-mode:  emacs --batch -Q -l emacs_lsp_mode_test.el </dev/null
;; Environment: SERVER_CMD, TEST_FILE, EXPECTED_JSON, DFLS_EL, STEP_SECS (default 10),
;;   WATCHDOG_SECS (default 25).
;; Checks that the shipped client definition starts the server for dockerfile-mode, that the
;; expected diagnostics arrive with their rule ids and lines, and that a rule level set through
;; `dockerfile-ls-rules' reaches the server (the finding of a rule turned off disappears).
;; Exit codes: 0 all checks passed, 1 a check failed, 2 setup error, 124 watchdog.

(require 'cl-lib)
(require 'subr-x)
(setq backtrace-on-error-noninteractive nil)

(defvar dt-step (string-to-number (or (getenv "STEP_SECS") "10")))
(defvar dt-failures 0)
(defvar dt-t0 (float-time))
(defconst dt-rule-off "MultipleInstructionsDisallowed"
  "An expected rule that this test turns off through the settings.")

(defun dt-out (fmt &rest args) (princ (concat (apply #'format fmt args) "\n")))

(defun dt-check (name ok &optional detail)
  (dt-out "[%s] %s%s" (if ok "PASS" "FAIL") name (if detail (format ": %s" detail) ""))
  (unless ok (cl-incf dt-failures))
  ok)

(defun dt-wait (pred &optional secs)
  (let ((deadline (+ (float-time) (or secs dt-step))) value)
    (while (and (not (setq value (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.02))
    value))

(run-at-time (string-to-number (or (getenv "WATCHDOG_SECS") "25")) nil
             (lambda ()
               (dt-out "FAIL: watchdog: the test did not finish in time")
               (kill-emacs 124)))

(defun dt-finish (code)
  (ignore-errors (with-timeout (3 nil) (lsp-workspace-shutdown (car (lsp-workspaces)))))
  (dt-out "finished in %d ms" (round (* 1000 (- (float-time) dt-t0))))
  (kill-emacs code))

(defun dt-diagnostics ()
  "The current diagnostics of the test file as (CODE . LINE) pairs, lines 1-based."
  (let (pairs)
    (maphash (lambda (_file diags)
               (dolist (d diags)
                 (push (cons (format "%s" (lsp:diagnostic-code? d))
                             (1+ (lsp:position-line (lsp:range-start (lsp:diagnostic-range d)))))
                       pairs)))
             (lsp-diagnostics t))
    pairs))

(cl-defun dt-run ()
  (require 'package)
  (setq package-user-dir (make-temp-file "elpa" t))
  (add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
  (package-initialize)
  (unless (require 'dockerfile-mode nil t)
    (error "dockerfile-mode is not installed (Debian package elpa-dockerfile-mode)"))
  ;; Quiet, non-interactive lsp-mode: no session prompts, watchers, snippets or UI extras.
  (setq lsp-session-file (expand-file-name "lsp-session" temporary-file-directory)
        lsp-auto-guess-root t lsp-enable-file-watchers nil lsp-enable-snippet nil
        lsp-restart 'ignore lsp-keep-workspace-alive nil lsp-modeline-workspace-status-enable nil
        lsp-modeline-diagnostics-enable nil lsp-modeline-code-actions-enable nil
        lsp-headerline-breadcrumb-enable nil lsp-lens-enable nil lsp-diagnostics-provider :none)
  (require 'lsp-mode)
  (dt-out "emacs %s, lsp-mode %s" emacs-version
          (let ((desc (cadr (assq 'lsp-mode package-alist))))
            (if desc (package-version-join (package-desc-version desc)) "?")))
  (load (getenv "DFLS_EL") nil t)
  (setq dockerfile-ls-server-command (list (getenv "SERVER_CMD") "--stdio")
        dockerfile-ls-rules (list (cons dt-rule-off "off")))
  (let ((client (gethash 'dfls lsp-clients)))
    (dt-check "client dfls registered for dockerfile-mode and dockerfile-ts-mode"
              (and client (equal (lsp--client-major-modes client) '(dockerfile-mode dockerfile-ts-mode)))))
  (let* ((json-object-type 'plist) (json-array-type 'list) (json-key-type 'keyword)
         (expected (json-read-file (getenv "EXPECTED_JSON"))))
    (find-file (getenv "TEST_FILE"))
    (dt-check "major mode" (eq major-mode 'dockerfile-mode) major-mode)
    (lsp)
    (unless (dt-check "lsp-mode connected"
                      (dt-wait (lambda () (cl-some (lambda (w) (eq (lsp--workspace-status w) 'initialized))
                                                   (lsp-workspaces))))
                      (mapconcat #'lsp--workspace-print (lsp-workspaces) " "))
      (cl-return-from dt-run))
    (let ((want (cl-remove-if (lambda (e) (equal (plist-get e :code) dt-rule-off))
                              (plist-get expected :diagnostics))))
      (dt-wait (lambda () (cl-every (lambda (e) (member (cons (plist-get e :code) (plist-get e :line))
                                                        (dt-diagnostics)))
                                    want)))
      (dt-out "diagnostics: %s" (mapconcat (lambda (p) (format "%d:%s" (cdr p) (car p))) (dt-diagnostics) " "))
      (dolist (e want)
        (dt-check (format "diagnostic %s on line %d" (plist-get e :code) (plist-get e :line))
                  (member (cons (plist-get e :code) (plist-get e :line)) (dt-diagnostics))))
      (dt-check (format "%s turned off through dockerfile-ls-rules" dt-rule-off)
                (not (assoc dt-rule-off (dt-diagnostics)))))))

(condition-case err
    (progn (dt-run) (dt-finish (if (= dt-failures 0) 0 1)))
  (error
   (dt-out "FAIL: setup error: %s" (error-message-string err))
   (dt-finish 2)))
