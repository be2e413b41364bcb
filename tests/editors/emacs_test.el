;;; emacs_test.el --- Eglot (batch mode) test of dockerfile-ls with editors/emacs/dockerfile-ls.el  -*- lexical-binding: t -*-
;;
;; Started by run-emacs.sh:  emacs --batch -Q -l emacs_test.el </dev/null
;; Environment: SERVER_CMD, TEST_FILE, EXPECTED_JSON, DFLS_EL (the shipped dockerfile-ls.el),
;;   STEP_SECS (bound of every single wait, default 10), WATCHDOG_SECS (default 25).
;; Exit codes: 0 all checks passed, 1 a check failed, 2 setup error, 124 watchdog.

(require 'cl-lib)
(require (quote subr-x))
(setq backtrace-on-error-noninteractive nil)

(defvar dt-step (string-to-number (or (getenv "STEP_SECS") "10")))
(defvar dt-failures 0)
(defvar dt-t0 (float-time))

(defun dt-out (fmt &rest args)
  (princ (concat (apply #'format fmt args) "\n")))

(defun dt-check (name ok &optional detail)
  (dt-out "[%s] %s%s" (if ok "PASS" "FAIL") name (if detail (format ": %s" detail) ""))
  (unless ok (cl-incf dt-failures))
  ok)

(defun dt-wait (pred &optional secs)
  "Run timers and process output until PRED is non-nil or SECS pass; return PRED's value."
  (let ((deadline (+ (float-time) (or secs dt-step))) value)
    (while (and (not (setq value (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.02))
    value))

(defun dt-finish (code)
  ;; A polite shutdown, bounded; kill-emacs then kills whatever process is left.
  (when (fboundp 'eglot-current-server)
    (dolist (server (ignore-errors (hash-table-values eglot--servers-by-project)))
      (dolist (s server)
        (ignore-errors (with-timeout (3 nil) (eglot-shutdown s nil 2))))))
  (dt-out "finished in %d ms" (round (* 1000 (- (float-time) dt-t0))))
  (kill-emacs code))

;; Timers run while Emacs waits (accept-process-output, jsonrpc-request), where a stuck test is.
(run-at-time (string-to-number (or (getenv "WATCHDOG_SECS") "25")) nil
             (lambda ()
               (dt-out "FAIL: watchdog: the test did not finish in time")
               (kill-emacs 124)))

(defun dt-line-start (line)
  (save-excursion (goto-char (point-min)) (forward-line (1- line)) (point)))

(defun dt-capable (_server capability)
  (dt-check (format "server advertises %s" capability) (eglot--server-capable capability)))

(cl-defun dt-run ()
  ;; -Q skips site-lisp: make Debian's elpa-* packages (eglot, dockerfile-mode) visible.
  (require 'package)
  (setq package-user-dir (make-temp-file "elpa" t))
  (add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
  (package-initialize)
  (require 'eglot)
  (require 'flymake)
  (require 'json)
  (dt-out "emacs %s, eglot %s" emacs-version
          (let ((desc (cadr (assq 'eglot package-alist))))
            (if desc (package-version-join (package-desc-version desc)) "built in")))
  (unless (require 'dockerfile-mode nil t)
    (error "dockerfile-mode is not installed (Debian package elpa-dockerfile-mode)"))

  ;; The shipped file, configured the way a user would.
  (load (getenv "DFLS_EL") nil t)
  (setq dockerfile-ls-server-command (list (getenv "SERVER_CMD") "--stdio"))
  (dt-check "dockerfile-ls.el registered with eglot"
            (functionp (nth 2 (eglot--lookup-mode (quote dockerfile-mode))))
            (car (eglot--lookup-mode 'dockerfile-mode)))

  (let* ((json-object-type 'plist) (json-array-type 'list) (json-key-type 'keyword)
         (expected (json-read-file (getenv "EXPECTED_JSON"))))
    (setq eglot-sync-connect dt-step
          eglot-connect-timeout dt-step
          eglot-autoreconnect nil
          eglot-events-buffer-size 0)
    (add-hook 'dockerfile-mode-hook #'eglot-ensure)
    (find-file (getenv "TEST_FILE"))
    (switch-to-buffer (current-buffer))
    (dt-check "major mode" (eq major-mode 'dockerfile-mode) major-mode)
    ;; eglot-ensure waits for the next command to finish (post-command-hook); batch mode runs
    ;; no command loop, so run the hook once.
    (run-hooks 'post-command-hook)
    (let ((server (dt-wait (lambda () (and (bound-and-true-p eglot--managed-mode)
                                           (eglot-current-server))))))
      (unless (dt-check "eglot connected" server
                        (and server (plist-get (eglot--server-info server) :name)))
        (cl-return-from dt-run))

      ;; Diagnostics, through Flymake.
      (flymake-start)
      (let* ((want (plist-get expected :diagnostics))
             (found (lambda (e)
                      (cl-find-if (lambda (d)
                                    (and (= (line-number-at-pos (flymake-diagnostic-beg d))
                                            (plist-get e :line))
                                         (string-match-p (regexp-quote
                                                          (format "[%s]" (plist-get e :code)))
                                                         (flymake-diagnostic-text d))))
                                  (flymake-diagnostics)))))
        (dt-wait (lambda () (cl-every found want)))
        (dt-out "diagnostics: %s"
                (mapconcat (lambda (d) (format "%d %s %s" (line-number-at-pos (flymake-diagnostic-beg d))
                                               (flymake-diagnostic-type d) (flymake-diagnostic-text d)))
                           (flymake-diagnostics) " | "))
        (dolist (e want)
          (let ((d (funcall found e)))
            (when (dt-check (format "diagnostic %s on line %d" (plist-get e :code) (plist-get e :line)) d)
              (dt-check (format "  severity %s" (plist-get e :severity))
                        (eq (flymake-diagnostic-type d)
                            (if (equal (plist-get e :severity) "error") 'eglot-error 'eglot-warning))
                        (flymake-diagnostic-type d))))))

      ;; Completion, through Eglot's completion-at-point function.
      (let ((c (plist-get expected :completion)))
        (when (dt-capable server :completionProvider)
          (goto-char (+ (dt-line-start (plist-get c :line)) (1- (plist-get c :character))))
          (let* ((capf (eglot-completion-at-point))
                 (cands (and capf (all-completions "" (nth 2 capf)))))
            (dt-check (format "completion offers %s" (plist-get c :label))
                      (cl-some (lambda (s) (string-match-p (concat "\\`" (regexp-quote (plist-get c :label)) "\\b") s))
                               cands)
                      (string-join cands ",")))))

      ;; Hover, the way ElDoc asks for it.
      (let ((h (plist-get expected :hover)) text)
        (when (dt-capable server :hoverProvider)
          (goto-char (+ (dt-line-start (plist-get h :line)) (1- (plist-get h :character))))
          (eglot-hover-eldoc-function (lambda (info &rest _) (setq text (or info ""))))
          (dt-wait (lambda () text))
          (dt-check (format "hover mentions \"%s\"" (plist-get h :contains))
                    (and text (string-match-p (regexp-quote (plist-get h :contains)) (downcase text)))
                    (and text (truncate-string-to-width (replace-regexp-in-string "\n" " " text) 80)))))

      ;; Quick-fix, through the interactive code-action command; the menu answer is given.
      (let* ((q (plist-get expected :quickfix))
             (line (lambda () (save-excursion
                                (goto-char (dt-line-start (plist-get q :result_line)))
                                (buffer-substring-no-properties (point) (line-end-position)))))
             offered chosen)
        (when (dt-capable server :codeActionProvider)
          (goto-char (+ (dt-line-start (plist-get q :line)) (1- (plist-get q :character))))
          (cl-letf (((symbol-function 'completing-read)
                     (lambda (_prompt collection &rest _)
                       (setq offered (mapcar (lambda (x) (if (consp x) (car x) x)) collection))
                       (setq chosen (cl-find-if (lambda (title)
                                                  (and (string-match-p (regexp-quote (plist-get q :title_contains)) title)
                                                       (not (string-prefix-p "Ignore" title))))
                                                offered))
                       (or chosen (error "no matching quick-fix")))))
            (let ((last-nonmenu-event 'dt-key))  ; a keyboard event: ask with completing-read
              (condition-case err
                  (eglot-code-actions (point) (point) nil t)
                (error (dt-out "code action: %s" (error-message-string err))))))
          (dt-wait (lambda () (string-prefix-p (plist-get q :result_prefix) (funcall line))))
          (dt-check "quick-fix offered" chosen (string-join offered " | "))
          (dt-check (format "quick-fix applied: line %d starts with %s"
                            (plist-get q :result_line) (plist-get q :result_prefix))
                    (string-prefix-p (plist-get q :result_prefix) (funcall line))
                    (funcall line)))))))

(condition-case err
    (progn
      (dt-run)
      (dt-finish (if (= dt-failures 0) 0 1)))
  (error
   (dt-out "FAIL: setup error: %s" (error-message-string err))
   (dt-finish 2)))
