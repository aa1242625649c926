corpus/155-checkin-subject-long.txt:1:10: note: The subject is long (102 characters, 16 words) and will be cut off in the inbox; keep it under 60 characters, e.g. "Thank you - data analyst interview". [FollowUp.Subject]
# exit 0
