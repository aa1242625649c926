corpus/email/malformed-no-blank-line.eml:6:1: warning: no blank line after the headers [fulint.Email]
corpus/email/malformed-no-blank-line.eml:7:1: warning: The note shows no interest in the role: add a sentence that says what excites you about the job or the team ("I am excited about building the new onboarding program with you"). [FollowUp.Enthusiasm]
corpus/email/malformed-no-blank-line.eml:7:1: warning: The note neither asks about next steps nor offers anything more: end with a question about the timeline ("Is there an update on the timeline?") or an offer ("I am happy to send references or work samples"). [FollowUp.NextSteps]
corpus/email/malformed-no-blank-line.eml:7:39: warning: '!!!': one exclamation mark per note is plenty; end this sentence with a period and let the words carry the enthusiasm. [FollowUp.Exclamation]
# exit 0
