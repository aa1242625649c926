corpus/email/malformed-deep-nesting.eml:1:1: warning: MIME parts nested deeper than 16 levels in part 1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1 (not read) [fulint.Email]
corpus/email/malformed-deep-nesting.eml:1:1: warning: no text/plain part to lint [fulint.Email]
# exit 0
