corpus/email/encoded-subject-base64-split.eml:13:1: warning: The note shows no interest in the role: add a sentence that says what excites you about the job or the team ("I am excited about building the new onboarding program with you"). [FollowUp.Enthusiasm]
corpus/email/encoded-subject-base64-split.eml:13:1: warning: The note neither asks about next steps nor offers anything more: end with a question about the timeline ("Is there an update on the timeline?") or an offer ("I am happy to send references or work samples"). [FollowUp.NextSteps]
corpus/email/encoded-subject-base64-split.eml:13:1: note: The note has no closing with your name: end with a sign-off and your full name, e.g. 'Best regards,' and 'Alex Chen' on the next line. [FollowUp.SignOff]
corpus/email/encoded-subject-base64-split.eml:13:1: error: 'Merci' looks misspelt; did you mean 'Mercy'? (suggestions: 'Mercy', 'Mercia', 'Merca', 'Marci', 'Merck') [FollowUp.Spelling]
corpus/email/encoded-subject-base64-split.eml:13:12: error: 'l'entretien' looks misspelt; did you mean 'retirement'? (suggestion: 'retirement') [FollowUp.Spelling]
corpus/email/encoded-subject-base64-split.eml:13:27: error: 'mercredi' looks misspelt; did you mean 'mediocre'? (suggestions: 'mediocre', 'medicare') [FollowUp.Spelling]
# exit 1
