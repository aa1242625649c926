;;; fulint.el --- Check job-interview follow-up e-mails with fulint  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "26.1"))
;; Keywords: mail, convenience

;;; Commentary:

;; Two ways to run fulint(1), the linter for job-interview follow-up
;; notes, from Emacs:
;;
;; - `fulint-message-send-check', for `message-send-hook' (message-mode,
;;   and so Gnus, mu4e and notmuch): before the message goes out, fulint
;;   reads it as an e-mail; when findings reach the fail level, sending is
;;   aborted and the report is shown in the *fulint* buffer.  The message
;;   stays in its buffer.  `fulint-message-send-anyway' sends it unchecked.
;;
;; - `fulint-flymake', a Flymake backend: findings as you type, at their
;;   exact spans (fulint's JSON output, columns in code points, which is
;;   what Emacs counts).
;;
;; Set-up:
;;
;;   (require 'fulint)
;;   (add-hook 'message-send-hook #'fulint-message-send-check)
;;   (add-hook 'message-mode-hook #'fulint-flymake-setup)
;;
;; In a message-mode buffer the line `mail-header-separator' ("--text
;; follows this line--") is given to fulint as the empty line that ends
;; the headers, so fulint sees a real e-mail and line numbers match the
;; buffer's.  Other buffers are sent as they are, with --input auto.
;;
;; fulint's exit status: 0 clean, 1 findings at or above the fail level,
;; 2 fulint itself failed (missing dictionary, bad configuration).  What
;; `fulint-message-send-check' does on 2 is `fulint-on-error'.

;;; Code:

(require 'subr-x)
(require 'json)
(require 'flymake)

(defgroup fulint nil
  "Check follow-up e-mails with fulint."
  :group 'mail
  :prefix "fulint-")

(defcustom fulint-program "fulint"
  "The fulint program: a name looked up in `exec-path', or a file name."
  :type 'string)

(defcustom fulint-args nil
  "Extra arguments given to fulint, e.g. (\"--fail-level\" \"warning\")."
  :type '(repeat string))

(defcustom fulint-on-error 'refuse
  "What `fulint-message-send-check' does when fulint cannot run.
`refuse' aborts sending (the default); `send' lets the message go
unchecked, with a warning."
  :type '(choice (const :tag "Do not send" refuse)
                 (const :tag "Send unchecked" send)))

(defvar fulint-skip nil
  "When non-nil, `fulint-message-send-check' lets everything through.
`fulint-message-send-anyway' binds it around one send.")

(defconst fulint-report-buffer-name "*fulint*"
  "Name of the buffer that shows why a message was not sent.")

;;;; Shared helpers

(defun fulint--mail-buffer-p ()
  "Non-nil when the current buffer is a message being composed."
  (derived-mode-p 'message-mode 'mail-mode))

(defun fulint--text ()
  "The current buffer's text as fulint should read it.
In a mail buffer, the `mail-header-separator' line becomes the
empty line that ends the headers; nothing else changes, so line
numbers and columns stay the buffer's."
  (let ((text (save-restriction
                (widen)
                (buffer-substring-no-properties (point-min) (point-max)))))
    (if (and (fulint--mail-buffer-p)
             (boundp 'mail-header-separator)
             (stringp mail-header-separator)
             (not (string-empty-p mail-header-separator)))
        (with-temp-buffer
          (insert text)
          (goto-char (point-min))
          (when (re-search-forward
                 (concat "^" (regexp-quote mail-header-separator) "$") nil t)
            (replace-match "" t t))
          (buffer-string))
      text)))

(defun fulint--input-mode ()
  "The --input value for the current buffer."
  (if (fulint--mail-buffer-p) "email" "auto"))

(defun fulint--stdin-name ()
  "The name fulint shows for the current buffer."
  (if buffer-file-name
      (file-name-nondirectory buffer-file-name)
    (buffer-name)))

(defun fulint--command (format)
  "The fulint command line reading standard input, with output FORMAT."
  (append (list fulint-program "--format" format "--no-color"
                "--input" (fulint--input-mode)
                "--stdin-filename" (fulint--stdin-name))
          fulint-args
          (list "-")))

;;;; message-send-hook

(defun fulint--run-sync (command text)
  "Run COMMAND with TEXT on its standard input.
Return (STATUS STDOUT STDERR); STATUS is the exit status, a string
when a signal ended fulint, or the symbol `missing' when the
program cannot be started."
  (let ((err-file (make-temp-file "fulint-stderr"))
        (coding-system-for-write 'utf-8-unix)
        (coding-system-for-read 'utf-8-unix))
    (unwind-protect
        (with-temp-buffer
          (let* ((out (current-buffer))
                 (status
                  (condition-case err
                      (with-temp-buffer
                        (insert text)
                        (apply #'call-process-region (point-min) (point-max)
                               (car command) nil (list out err-file) nil
                               (cdr command)))
                    (file-error
                     (list 'missing (error-message-string err))))))
            (list (if (consp status) 'missing status)
                  (if (consp status) "" (buffer-string))
                  (if (consp status)
                      (cadr status)
                    (with-temp-buffer
                      (insert-file-contents err-file)
                      (buffer-string))))))
      (delete-file err-file))))

(defun fulint--show-report (title body)
  "Show BODY under TITLE in the *fulint* buffer; return the buffer."
  (let ((buf (get-buffer-create fulint-report-buffer-name)))
    (with-current-buffer buf
      (let ((inhibit-read-only t))
        (erase-buffer)
        (insert title "\n\n" body)
        (goto-char (point-min)))
      (special-mode))
    (unless noninteractive
      (display-buffer buf))
    buf))

;;;###autoload
(defun fulint-message-send-check ()
  "Check the message about to be sent with fulint; abort sending on findings.
For `message-send-hook'.  When findings reach fulint's fail level,
the report goes to the *fulint* buffer and a `user-error' stops
the sending; the message stays in its buffer.  When fulint cannot
run, `fulint-on-error' decides.  `fulint-skip' turns it off."
  (unless fulint-skip
    (let* ((result (fulint--run-sync (fulint--command "pretty") (fulint--text)))
           (status (nth 0 result))
           (out (nth 1 result))
           (err (nth 2 result)))
      (cond
       ((eq status 0) nil)
       ((eq status 1)
        (fulint--show-report
         "fulint found problems; the message was NOT sent.  Fix them, or send it anyway with M-x fulint-message-send-anyway."
         (concat out err))
        (user-error "fulint: problems found, message not sent (see %s)"
                    fulint-report-buffer-name))
       (t
        (let ((why (string-trim (if (eq status 'missing)
                                    (format "cannot run %s: %s" fulint-program err)
                                  (format "fulint exited %s: %s" status err)))))
          (if (eq fulint-on-error 'send)
              (message "fulint could not check the message (%s); sending it unchecked" why)
            (fulint--show-report
             "fulint could not check the message; it was NOT sent (fulint-on-error is `refuse').  M-x fulint-message-send-anyway sends it unchecked."
             why)
            (user-error "fulint could not check the message, not sent: %s" why))))))))

;;;###autoload
(defun fulint-message-send-anyway ()
  "Send the current message without the fulint check."
  (interactive)
  (let ((fulint-skip t))
    (if (fboundp 'message-send-and-exit)
        (message-send-and-exit)
      (user-error "Not in a message-mode buffer"))))

;;;; Flymake

(defvar-local fulint--flymake-proc nil
  "The fulint process of the latest Flymake check in this buffer.")

(defun fulint--parse-json ()
  "Parse the JSON document in the current buffer into hash tables."
  (goto-char (point-min))
  (if (fboundp 'json-parse-buffer)
      (json-parse-buffer :object-type 'hash-table :array-type 'list
                         :null-object nil :false-object nil)
    (let ((json-object-type 'hash-table)
          (json-array-type 'list)
          (json-key-type 'string)
          (json-false nil)
          (json-null nil))
      (json-read))))

(defun fulint--position (line column)
  "Position of 1-based LINE and code-point COLUMN, kept on that line."
  (save-excursion
    (save-restriction
      (widen)
      (goto-char (point-min))
      (if (> (forward-line (1- (max line 1))) 0)
          (point-max)
        (min (line-end-position) (+ (point) (max (1- column) 0)))))))

(defun fulint--diagnostics (source doc)
  "Flymake diagnostics in buffer SOURCE for fulint's JSON DOC."
  (let (diags)
    (with-current-buffer source
      (dolist (file (gethash "files" doc))
        (let ((decoded (equal (gethash "positions" file) "decoded")))
          (dolist (f (gethash "findings" file))
            (let* ((level (gethash "level" f))
                   (type (pcase level
                           ("error" :error)
                           ("warning" :warning)
                           (_ :note)))
                   (text (format "%s [%s]%s" (gethash "message" f) (gethash "rule" f)
                                 (if decoded " (position in the decoded body)" "")))
                   (beg (fulint--position (gethash "line" f) (gethash "column" f)))
                   (end (min (point-max)
                             (1+ (fulint--position (gethash "end_line" f)
                                                   (gethash "end_column" f))))))
              (when (or (gethash "whole_note" f) (<= end beg))
                (let ((region (flymake-diag-region source (gethash "line" f))))
                  (setq beg (car region) end (cdr region))))
              (push (flymake-make-diagnostic source beg end type text) diags))))))
    (nreverse diags)))

;;;###autoload
(defun fulint-flymake (report-fn &rest _args)
  "Flymake backend for fulint; call REPORT-FN with the findings."
  (unless (executable-find fulint-program)
    (error "Cannot find the fulint program %S" fulint-program))
  (when (process-live-p fulint--flymake-proc)
    (kill-process fulint--flymake-proc))
  (let* ((source (current-buffer))
         (text (fulint--text))
         (stderr (generate-new-buffer " *fulint-flymake-stderr*"))
         (proc
          (make-process
           :name "fulint-flymake" :noquery t :connection-type 'pipe
           :buffer (generate-new-buffer " *fulint-flymake*")
           :stderr stderr
           :coding 'utf-8-unix
           :command (append (list fulint-program "--format" "json" "--no-exit"
                                  "--column-unit" "codepoint"
                                  "--input" (fulint--input-mode)
                                  "--stdin-filename" (fulint--stdin-name))
                            fulint-args (list "-"))
           :sentinel
           (lambda (p _event)
             (when (memq (process-status p) '(exit signal))
               (unwind-protect
                   (cond
                    ((not (and (buffer-live-p source)
                               (eq p (buffer-local-value 'fulint--flymake-proc source))))
                     (flymake-log :debug "Canceling obsolete check %s" p))
                    ((and (eq (process-status p) 'exit) (zerop (process-exit-status p)))
                     (let ((doc (condition-case err
                                    (with-current-buffer (process-buffer p)
                                      (fulint--parse-json))
                                  (error err))))
                       (if (hash-table-p doc)
                           (funcall report-fn (fulint--diagnostics source doc))
                         (funcall report-fn :panic
                                  :explanation (format "cannot read fulint's output: %S" doc)))))
                    (t
                     (funcall report-fn :panic
                              :explanation
                              (format "fulint failed (%s): %s" (process-exit-status p)
                                      (string-trim (with-current-buffer stderr (buffer-string)))))))
                 (kill-buffer (process-buffer p))
                 (when (buffer-live-p stderr)
                   (let ((sp (get-buffer-process stderr)))
                     (when sp (delete-process sp)))
                   (kill-buffer stderr))))))))
    (setq fulint--flymake-proc proc)
    (process-send-string proc text)
    (process-send-eof proc)))

;;;###autoload
(defun fulint-flymake-setup ()
  "Add `fulint-flymake' to this buffer's Flymake backends and start Flymake."
  (add-hook 'flymake-diagnostic-functions #'fulint-flymake nil t)
  (flymake-mode 1))

(provide 'fulint)
;;; fulint.el ends here
