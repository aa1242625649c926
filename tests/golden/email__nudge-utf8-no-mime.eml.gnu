corpus/email/nudge-utf8-no-mime.eml:10:1: warning: The note shows no interest in the role: add a sentence that says what excites you about the job or the team ("I am excited about building the new onboarding program with you"). [FollowUp.Enthusiasm]
corpus/email/nudge-utf8-no-mime.eml:10:1: warning: The note does not thank the reader: add a sentence that thanks them for their time or for something specific ("Thank you for walking me through the new intake process"). [FollowUp.Gratitude]
corpus/email/nudge-utf8-no-mime.eml:10:1: warning: 'I hope you’re well' is small talk; cut it and open with the reason you are writing (thanks for the interview, or the timeline you were given). [FollowUp.SmallTalk]
# exit 0
