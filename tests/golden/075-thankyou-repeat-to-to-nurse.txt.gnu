corpus/075-thankyou-repeat-to-to-nurse.txt:3:68: error: 'to' is written twice in a row; delete one. [FollowUp.RepeatedWord]
# exit 1
