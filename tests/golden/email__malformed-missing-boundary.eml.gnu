corpus/email/malformed-missing-boundary.eml:9:1: warning: missing MIME boundary 'never-seen' in the message (read as text) [fulint.Email]
corpus/email/malformed-missing-boundary.eml:11:1: warning: The note shows no interest in the role: add a sentence that says what excites you about the job or the team ("I am excited about building the new onboarding program with you"). [FollowUp.Enthusiasm]
corpus/email/malformed-missing-boundary.eml:11:1: warning: The note neither asks about next steps nor offers anything more: end with a question about the timeline ("Is there an update on the timeline?") or an offer ("I am happy to send references or work samples"). [FollowUp.NextSteps]
# exit 0
