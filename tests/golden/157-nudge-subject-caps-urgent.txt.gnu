corpus/157-nudge-subject-caps-urgent.txt:1:10: note: The subject is written in capitals, which reads as shouting; use sentence case ("Thank you for the interview"). [FollowUp.Subject]
# exit 0
