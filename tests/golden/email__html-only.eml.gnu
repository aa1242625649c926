corpus/email/html-only.eml:1:1: warning: no text/plain part to lint (text/html is not linted) [fulint.Email]
# exit 0
