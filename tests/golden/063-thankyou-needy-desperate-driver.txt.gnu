corpus/063-thankyou-needy-desperate-driver.txt:3:1: warning: The note shows no interest in the role: add a sentence that says what excites you about the job or the team ("I am excited about building the new onboarding program with you"). [FollowUp.Enthusiasm]
corpus/063-thankyou-needy-desperate-driver.txt:3:60: warning: 'desperate' sounds needy; cut it and show confidence instead: restate what you would bring to the role, politely and once. [FollowUp.Needy]
# exit 0
