corpus/email/attachment-png-nested-alternative.eml:19:1: warning: The note shows no interest in the role: add a sentence that says what excites you about the job or the team ("I am excited about building the new onboarding program with you"). [FollowUp.Enthusiasm]
# exit 0
