;;; fulint-test.el --- batch checks of fulint.el  -*- lexical-binding: t; -*-

;; Run by tests/cli/integration_emacs.sh:
;;   emacs -Q --batch -l linter/integrations/emacs/fulint.el -l fulint-test.el
;; with FULINT_TEST_BIN (the fulint binary), FULINT_TEST_DATA (this folder),
;; FULINT_TEST_BAD_RULES (the error-level rule ids fulint reports for the bad
;; e-mail, from the shell) and FULINT_TEST_OUT (where the results go, one
;; "ok NAME" or "FAIL NAME: DETAIL" per line).

;;; Code:

(require 'message)
(require 'fulint)

(defvar fulint-test-results nil)
(defvar fulint-test-sent nil "Messages the stand-in mail function received.")

(defun fulint-test-ok (cond name &optional detail)
  "Record COND as the result of check NAME, with DETAIL when it fails."
  (push (if cond (concat "ok   " name)
          (format "FAIL %s: %s" name (or detail "")))
        fulint-test-results))

(defun fulint-test-file (name)
  "The contents of NAME in the test data folder."
  (with-temp-buffer
    (insert-file-contents (expand-file-name name (getenv "FULINT_TEST_DATA")))
    (buffer-string)))

(setq fulint-program (getenv "FULINT_TEST_BIN"))
;; Sending: record the message instead of mailing it; no questions asked.
(setq message-send-mail-function
      (lambda () (push (buffer-string) fulint-test-sent))
      message-interactive nil
      message-generate-headers-first nil
      message-required-mail-headers '(From Subject Date)
      user-mail-address "alex@example.com"
      user-full-name "Alex Doe"
      message-kill-buffer-on-exit nil)
(add-hook 'message-send-hook #'fulint-message-send-check)

(defun fulint-test-message-buffer (body)
  "A message-mode buffer to Dana Lee with BODY."
  (let ((buf (generate-new-buffer "*fulint test draft*")))
    (with-current-buffer buf
      (insert "From: Alex Doe <alex@example.com>\n"
              "To: Dana Lee <dana@example.org>\n"
              "Subject: Thank you for the interview\n"
              mail-header-separator "\n"
              body)
      (message-mode)
      (set-buffer-modified-p nil))
    buf))

(defun fulint-test-send (body)
  "Send BODY with `message-send'; return nil or the error it signalled."
  (let ((buf (fulint-test-message-buffer body)))
    (unwind-protect
        (with-current-buffer buf
          (condition-case err
              (progn (message-send) nil)
            (error err)))
      (kill-buffer buf))))

;;;; message-send-hook

(let* ((good (fulint-test-file "good.txt"))
       (bad (fulint-test-file "bad.txt"))
       (rules (split-string (or (getenv "FULINT_TEST_BAD_RULES") "") " " t))
       err)
  ;; The check on its own.
  (with-current-buffer (fulint-test-message-buffer good)
    (fulint-test-ok (null (condition-case e (progn (fulint-message-send-check) nil) (error e)))
                    "send check: a good message passes")
    (kill-buffer))
  (with-current-buffer (fulint-test-message-buffer bad)
    (setq err (condition-case e (progn (fulint-message-send-check) nil) (error e)))
    (fulint-test-ok (eq (car-safe err) 'user-error) "send check: a bad message signals user-error"
                    (format "%S" err))
    (kill-buffer))

  ;; Through message-send, the way a user sends.
  (setq fulint-test-sent nil)
  (setq err (fulint-test-send good))
  (fulint-test-ok (null err) "message-send: a good message is sent" (format "%S" err))
  (fulint-test-ok (= (length fulint-test-sent) 1) "message-send: the mail function got the good message")
  (fulint-test-ok (and fulint-test-sent
                       (string-match-p (regexp-quote (nth 2 (split-string good "\n")))
                                       (car fulint-test-sent)))
                  "message-send: the text sent is the draft's")
  (setq fulint-test-sent nil)
  (setq err (fulint-test-send bad))
  (fulint-test-ok (and err (string-match-p "not sent" (error-message-string err)))
                  "message-send: a bad message is aborted" (format "%S" err))
  (fulint-test-ok (null fulint-test-sent) "message-send: nothing was sent")
  (fulint-test-ok (> (length rules) 0) "precondition: the shell found error rules")
  (let ((report (with-current-buffer fulint-report-buffer-name (buffer-string))))
    (dolist (r rules)
      (fulint-test-ok (string-match-p (regexp-quote r) report)
                      (format "message-send: the *fulint* report names %s" r) report)))

  ;; Send anyway.
  (setq fulint-test-sent nil)
  (let ((buf (fulint-test-message-buffer bad)))
    (with-current-buffer buf
      (setq err (condition-case e (progn (fulint-message-send-anyway) nil) (error e))))
    (when (buffer-live-p buf) (kill-buffer buf)))
  (fulint-test-ok (and (null err) (= (length fulint-test-sent) 1))
                  "fulint-message-send-anyway: the bad message is sent" (format "%S" err))

  ;; fulint fails: refuse by default, send with fulint-on-error = send.
  (let ((fulint-args '("--config" "/nonexistent/fulint-test.yml")))
    (setq fulint-test-sent nil)
    (setq err (fulint-test-send good))
    (fulint-test-ok (and err (string-match-p "could not check" (error-message-string err)))
                    "fulint fails: refused by default" (format "%S" err))
    (fulint-test-ok (null fulint-test-sent) "fulint fails: nothing sent")
    (let ((fulint-on-error 'send))
      (setq err (fulint-test-send good))
      (fulint-test-ok (and (null err) (= (length fulint-test-sent) 1))
                      "fulint fails, fulint-on-error send: sent" (format "%S" err))))
  (let ((fulint-program "/nonexistent/fulint"))
    (setq fulint-test-sent nil)
    (setq err (fulint-test-send good))
    (fulint-test-ok (and err (string-match-p "cannot run" (error-message-string err)))
                    "fulint missing: refused, and said so" (format "%S" err))
    (fulint-test-ok (null fulint-test-sent) "fulint missing: nothing sent")))

;;;; Flymake

(defun fulint-test-json (text input)
  "fulint's own JSON findings for TEXT read as INPUT (code-point columns)."
  (with-temp-buffer
    (let ((coding-system-for-write 'utf-8-unix)
          (coding-system-for-read 'utf-8-unix)
          (out (current-buffer)))
      (with-temp-buffer
        (insert text)
        (call-process-region (point-min) (point-max) fulint-program nil out nil
                             "--format" "json" "--no-exit" "--input" input "-"))
      (goto-char (point-min))
      (let ((json-object-type 'hash-table) (json-array-type 'list)
            (json-key-type 'string) (json-false nil) (json-null nil))
        (gethash "findings" (car (gethash "files" (json-read))))))))

(defun fulint-test-flymake (what buf expected)
  "Run `fulint-flymake' in BUF and compare with EXPECTED findings."
  (let (diags reported)
    (with-current-buffer buf
      (fulint-flymake (lambda (d &rest _) (setq reported t diags d)))
      (let ((deadline (+ (float-time) 30)))
        (while (and (not reported) (< (float-time) deadline))
          (accept-process-output nil 0.05))))
    (fulint-test-ok reported (format "%s: the backend reported within 30 s" what))
    (fulint-test-ok (and (listp diags) (> (length expected) 0))
                    (format "%s: fulint reports findings" what) (format "%S" diags))
    (fulint-test-ok (and (listp diags) (= (length diags) (length expected)))
                    (format "%s: one diagnostic per finding" what)
                    (format "%d diagnostics, %d findings" (if (listp diags) (length diags) -1) (length expected)))
    (when (listp diags)
      (let ((i 0))
        (dolist (f expected)
          (let* ((d (nth i diags))
                 (tag (format "%s #%d %s %s:%s" what (1+ i) (gethash "rule" f)
                              (gethash "line" f) (gethash "column" f))))
            (when d
              (with-current-buffer buf
                (let ((beg (flymake-diagnostic-beg d))
                      (end (flymake-diagnostic-end d)))
                  (fulint-test-ok (= (line-number-at-pos beg) (gethash "line" f))
                                  (concat tag ": line") (format "%d" (line-number-at-pos beg)))
                  (unless (gethash "whole_note" f)
                    (fulint-test-ok (= (save-excursion (goto-char beg) (1+ (current-column)))
                                       (gethash "column" f))
                                    (concat tag ": column"))
                    (fulint-test-ok (equal (buffer-substring-no-properties beg end) (gethash "match" f))
                                    (concat tag ": the span is the match")
                                    (buffer-substring-no-properties beg end)))))
              (fulint-test-ok (eq (flymake-diagnostic-type d)
                                  (pcase (gethash "level" f) ("error" :error) ("warning" :warning) (_ :note)))
                              (concat tag ": type") (format "%S" (flymake-diagnostic-type d)))
              (fulint-test-ok (string-match-p (regexp-quote (gethash "message" f)) (flymake-diagnostic-text d))
                              (concat tag ": text") (flymake-diagnostic-text d))))
          (setq i (1+ i)))))))

;; A plain draft with accented letters (code-point columns).
(let* ((text (fulint-test-file "draft.txt"))
       (buf (generate-new-buffer "draft.txt")))
  (with-current-buffer buf (insert text) (text-mode))
  (fulint-test-flymake "flymake, draft" buf (fulint-test-json text "auto"))
  (kill-buffer buf))

;; A message being composed: the separator line is the end of the headers.
(let* ((bad (fulint-test-file "bad.txt"))
       (buf (fulint-test-message-buffer bad))
       (as-mail (with-current-buffer buf
                  (replace-regexp-in-string
                   (concat "^" (regexp-quote mail-header-separator) "$") ""
                   (buffer-string) t t))))
  (fulint-test-flymake "flymake, message" buf (fulint-test-json as-mail "email"))
  (kill-buffer buf))

(with-temp-file (getenv "FULINT_TEST_OUT")
  (dolist (r (reverse fulint-test-results))
    (insert r "\n")))

;;; fulint-test.el ends here
