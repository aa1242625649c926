corpus/email/forwarded-inline.eml:11:1: warning: The note shows no interest in the role: add a sentence that says what excites you about the job or the team ("I am excited about building the new onboarding program with you"). [FollowUp.Enthusiasm]
corpus/email/forwarded-inline.eml:11:1: warning: The note does not thank the reader: add a sentence that thanks them for their time or for something specific ("Thank you for walking me through the new intake process"). [FollowUp.Gratitude]
# exit 0
