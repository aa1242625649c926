corpus/158-thankyou-subject-many-words.txt:1:10: note: The subject is long (71 characters, 13 words) and will be cut off in the inbox; keep it under 60 characters, e.g. "Thank you - data analyst interview". [FollowUp.Subject]
# exit 0
