corpus/156-thankyou-subject-empty.txt:1:9: error: The message has no subject; add a short one that says what it is, e.g. 'Thank you - data analyst interview'. [FollowUp.Subject]
# exit 1
