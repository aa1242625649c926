corpus/email/malformed-truncated-qp.eml:1:1: warning: bad quoted-printable escape '=Z' in the body (kept as is; 1 in all) [fulint.Email]
corpus/email/malformed-truncated-qp.eml:1:1: warning: invalid UTF-8 in the body (2 bad bytes) [fulint.Email]
corpus/email/malformed-truncated-qp.eml:1:1: warning: truncated quoted-printable escape at the end of the body [fulint.Email]
corpus/email/malformed-truncated-qp.eml:3:1: warning: The note shows no interest in the role: add a sentence that says what excites you about the job or the team ("I am excited about building the new onboarding program with you"). [FollowUp.Enthusiasm]
corpus/email/malformed-truncated-qp.eml:3:1: warning: The note neither asks about next steps nor offers anything more: end with a question about the timeline ("Is there an update on the timeline?") or an offer ("I am happy to send references or work samples"). [FollowUp.NextSteps]
corpus/email/malformed-truncated-qp.eml:3:1: note: The note has no closing with your name: end with a sign-off and your full name, e.g. 'Best regards,' and 'Alex Chen' on the next line. [FollowUp.SignOff]
# exit 0
